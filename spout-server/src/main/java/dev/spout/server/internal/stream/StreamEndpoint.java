package dev.spout.server.internal.stream;

import dev.spout.engine.auth.Authorizer;
import dev.spout.engine.host.Admission;
import dev.spout.engine.host.EngineHost;
import dev.spout.engine.host.HostedStream;
import dev.spout.engine.host.StreamRequest;
import dev.spout.engine.host.StreamSource;
import dev.spout.server.auth.Session;
import dev.spout.server.internal.auth.JettyClientRequest;
import dev.spout.server.internal.auth.Sessions;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.ByteBufferPool;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.jspecify.annotations.Nullable;

/**
 * An SSE endpoint of Spout's own server: a topic's, a subscription's or a handler's stream. The engine decides on
 * each request ({@link EngineHost#admit}) and this translates its answer for Jetty: the refusal as Jetty's error
 * page, the page's redirect, or the stream, tied to its connection's life. Every refusal is answered before the
 * first byte of a stream.
 */
public final class StreamEndpoint implements Request.Handler {
    // The route's path: every stream of the endpoint names itself by this one string (in logs and errors) rather
    // than keep a copy of its own request's for as long as it lasts.
    private final String path;
    private final @Nullable String pagePath;
    private final StreamSource source;
    private final Authorizer pageRule;
    private final EngineHost engine;
    private final Sessions sessions;
    private final ByteBufferPool pool;

    /**
     * The endpoint of {@code source} at {@code path}; {@code pagePath} (or null) is where a browser navigating to it is sent, and
     * {@code pageRule} what the page asks of a client beside the source's own authorizers.
     */
    public StreamEndpoint(
            String path,
            @Nullable String pagePath,
            StreamSource source,
            Authorizer pageRule,
            EngineHost engine,
            Sessions sessions,
            ByteBufferPool pool) {
        this.path = path;
        this.pagePath = pagePath;
        this.source = source;
        this.pageRule = pageRule;
        this.engine = engine;
        this.sessions = sessions;
        this.pool = pool;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        var client = new JettyClientRequest(request, response, sessions, null);
        var asked = new StreamRequest(
                request.getMethod(),
                request.getHeaders().getValuesList(HttpHeader.ACCEPT),
                client,
                source,
                pagePath,
                pageRule,
                path);
        switch (engine.admit(asked)) {
            case Admission.Refused refused -> {
                refused.headers().forEach(response.getHeaders()::put);
                Response.writeError(request, response, callback, refused.status(), refused.reason());
            }
            case Admission.Redirected redirected ->
                Response.sendRedirect(request, response, callback, HttpStatus.FOUND_302, redirected.location(), true);
            case Admission.Admitted admitted -> open(admitted, client, request, response, callback);
        }
        return true;
    }

    /**
     * The stream's headers (never compressed: Spout installs no compression, and Jetty's GzipHandler leaves {@code
     * text/event-stream} alone), its exchange, and its ties to the connection: on HTTP/1.x the response carries
     * {@code Connection: close} and a {@link StreamConnection} watches for the client's leaving; on HTTP/2 an {@link
     * Http2Writer} writes the body's frames.
     */
    private void open(
            Admission.Admitted admitted,
            JettyClientRequest client,
            Request request,
            Response response,
            Callback callback) {
        response.setStatus(HttpStatus.OK_200);
        admitted.headers().forEach(response.getHeaders()::put);
        boolean http1 = StreamConnection.needed(request);
        if (http1) {
            response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
        }
        EndPoint direct = http1 ? StreamConnection.endPoint(request) : null;
        Http2Writer h2 = http1 ? null : Http2Writer.of(request);
        var exchange = new JettyExchange(client, response, callback, direct, h2);
        String sessionId = client.session().map(Session::id).orElse(null);
        HostedStream stream = admitted.open(exchange, sessionId);
        exchange.attach(stream);
        Request.addCompletionListener(request, failure -> stream.exchangeEnded());
        request.addFailureListener(stream::clientGone);
        request.addIdleTimeoutListener(timeout -> !stream.isOpen()); // idle is fine: heartbeats find dead peers
        if (http1) {
            exchange.watchedBy(StreamConnection.watch(request, stream, pool));
        }
        admitted.start();
    }
}
