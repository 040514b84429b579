package dev.spout.server.internal.stream;

import dev.spout.engine.HttpStatusException;
import dev.spout.engine.auth.Access;
import dev.spout.engine.auth.Authorizer;
import dev.spout.engine.internal.stream.EventStream;
import dev.spout.engine.internal.stream.Opening;
import dev.spout.engine.internal.stream.Streams;
import dev.spout.engine.stream.CloseReason;
import dev.spout.server.auth.Session;
import dev.spout.server.internal.auth.JettyClientRequest;
import dev.spout.server.internal.auth.Sessions;
import dev.spout.server.internal.http.Methods;
import java.util.Set;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Who may open a stream (method, {@code Accept}, authorization, limits), the headers it goes out with, and how it
 * is tied to its connection's life. Every refusal is answered before the first byte of a stream.
 */
final class Admission {
    static final String CONTENT_TYPE = Opening.CONTENT_TYPE;
    private static final Set<String> METHODS = Set.of("GET");

    private Admission() {}

    /**
     * Checks the request and, if it may have a stream, opens one: returns it, or null when the request has been
     * answered otherwise. A request that does not accept {@code text/event-stream} (a person typing the URL) is
     * redirected to the stream's page with {@code 302 Found}; without a page it gets {@code 406}.
     */
    static EventStream admit(
            String path,
            String pagePath,
            Authorizer authorizer,
            Streams streams,
            Sessions sessions,
            Request request,
            Response response,
            Callback callback)
            throws Exception {
        if (!Methods.allowed(METHODS, request, response, callback)) {
            return null;
        }
        if (!accepted(request)) {
            if (pagePath != null) {
                Response.sendRedirect(request, response, callback, HttpStatus.FOUND_302, pagePath, true);
            } else {
                Response.writeError(
                        request,
                        response,
                        callback,
                        HttpStatus.NOT_ACCEPTABLE_406,
                        "This is a Server-Sent Events stream: request it with 'Accept: text/event-stream'");
            }
            return null;
        }
        var clientRequest = new JettyClientRequest(request, response, sessions, null);
        Access access;
        try {
            access = authorizer.check(clientRequest);
        } catch (HttpStatusException refused) { // a refusal with its status, or a bound met (too many topics)
            Response.writeError(request, response, callback, refused.status(), refused.getMessage());
            return null;
        }
        if (access != Access.ALLOW) {
            Response.writeError(request, response, callback, access.status());
            return null;
        }
        String address = clientRequest.remoteAddress();
        if (!streams.tryAdmit(address)) {
            response.getHeaders().put(HttpHeader.RETRY_AFTER, streams.retryAfterSeconds());
            Response.writeError(
                    request,
                    response,
                    callback,
                    HttpStatus.SERVICE_UNAVAILABLE_503,
                    streams.stopping() ? "The server is stopping" : "Too many streams");
            return null;
        }
        prepare(request, response);
        streams.exchangeStarted();
        Request.addCompletionListener(request, failure -> streams.exchangeEnded());
        boolean http1 = StreamConnection.needed(request);
        EndPoint direct = http1 ? StreamConnection.endPoint(request) : null;
        String sessionId = clientRequest.session().map(Session::id).orElse(null);
        var exchange = new JettyExchange(clientRequest, response, callback, direct, streams);
        EventStream stream = Opening.register(path, exchange, streams, address, sessionId);
        request.addFailureListener(cause -> stream.closeWith(new CloseReason.ClientGone(cause)));
        request.addIdleTimeoutListener(timeout -> !stream.isOpen()); // idle is fine: heartbeats find dead peers
        if (http1) {
            exchange.watchedBy(StreamConnection.watch(request, stream, streams.pool()));
        }
        return stream;
    }

    /** Whether the request's {@code Accept} header names {@code text/event-stream} (with a non-zero quality). */
    static boolean accepted(Request request) {
        return Opening.acceptsEventStream(request.getHeaders().getValuesList(HttpHeader.ACCEPT));
    }

    /**
     * Status and headers: the content type, no caching, no buffering by nginx-style proxies. Never compressed:
     * Spout installs no compression, and Jetty's GzipHandler leaves {@code text/event-stream} alone. On HTTP/1.x
     * the connection is closed after the stream (see {@link StreamConnection}).
     */
    private static void prepare(Request request, Response response) {
        response.setStatus(HttpStatus.OK_200);
        var headers = response.getHeaders();
        headers.put(HttpHeader.CONTENT_TYPE, CONTENT_TYPE);
        headers.put(HttpHeader.CACHE_CONTROL, "no-cache");
        headers.put("X-Accel-Buffering", "no");
        if (StreamConnection.needed(request)) {
            headers.put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
        }
    }
}
