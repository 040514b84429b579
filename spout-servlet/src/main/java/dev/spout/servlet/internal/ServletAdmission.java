package dev.spout.servlet.internal;

import dev.spout.engine.HttpStatusException;
import dev.spout.engine.auth.Access;
import dev.spout.engine.auth.Authorizer;
import dev.spout.engine.internal.stream.EventStream;
import dev.spout.engine.internal.stream.Opening;
import dev.spout.engine.internal.stream.Streams;
import dev.spout.servlet.ServletClientRequest;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Collections;
import java.util.function.Consumer;

/**
 * Who may open a stream in a Servlet container, the headers it goes out with, and its async context: the same
 * checks in the same order as on Spout's own server (method, {@code Accept}, the authorizer, the limits), each
 * refusal answered before the first byte of a stream, with the same statuses.
 */
public final class ServletAdmission {
    private final Streams streams;

    public ServletAdmission(Streams streams) {
        this.streams = streams;
    }

    /** Opens the request's stream and hands it to {@code start}, or answers the request with its refusal. */
    public void admit(
            HttpServletRequest request,
            HttpServletResponse response,
            Authorizer authorizer,
            Consumer<EventStream> start)
            throws IOException, ServletException {
        if (!request.getMethod().equals("GET")) {
            response.setHeader("Allow", "GET");
            response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            return;
        }
        if (!Opening.acceptsEventStream(Collections.list(request.getHeaders("Accept")))) {
            response.sendError(
                    HttpServletResponse.SC_NOT_ACCEPTABLE,
                    "This is a Server-Sent Events stream: request it with 'Accept: text/event-stream'");
            return;
        }
        var client = new ServletClientRequest(request);
        Access access;
        try {
            access = check(authorizer, client);
        } catch (HttpStatusException refused) { // a refusal with its status, or a bound met (too many topics)
            response.sendError(refused.status(), refused.getMessage());
            return;
        }
        if (access != Access.ALLOW) {
            response.sendError(access.status());
            return;
        }
        String address = client.remoteAddress();
        if (!streams.tryAdmit(address)) {
            response.setHeader("Retry-After", Long.toString(streams.retryAfterSeconds()));
            response.sendError(
                    HttpServletResponse.SC_SERVICE_UNAVAILABLE,
                    streams.stopping() ? "The server is stopping" : "Too many streams");
            return;
        }
        prepare(request, response);
        AsyncContext async = request.startAsync(request, response);
        async.setTimeout(0); // heartbeats and the write timeout find dead clients, not an idle timer
        var exchange = new ServletExchange(async, response.getOutputStream(), client, streams);
        streams.exchangeStarted();
        async.addListener(exchange);
        // The container's session object, not its id: it keeps its identity when the container gives it a new id.
        HttpSession session = request.getSession(false);
        EventStream stream = Opening.register(request.getRequestURI(), exchange, streams, address, session);
        exchange.attach(stream);
        response.getOutputStream().setWriteListener(exchange);
        if (session != null && !SessionStreams.isValid(session)) {
            streams.endSession(session); // signed out while this stream was being admitted
        }
        Opening.start(stream, start);
    }

    private static Access check(Authorizer authorizer, ServletClientRequest client) throws ServletException {
        try {
            return authorizer.check(client);
        } catch (RuntimeException | Error failure) {
            throw failure;
        } catch (Exception failure) {
            throw new ServletException("The authorizer of " + client.path() + " failed", failure);
        }
    }

    /**
     * Status and headers, as on Spout's own server: the content type, no caching, no buffering by nginx-style
     * proxies. On HTTP/1.x the connection is closed after the stream, so the body is delimited by the connection's
     * end, not by chunks: the event bytes go out as they are.
     */
    private static void prepare(HttpServletRequest request, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_OK);
        response.setHeader("Content-Type", Opening.CONTENT_TYPE);
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("X-Accel-Buffering", "no");
        if (request.getProtocol().startsWith("HTTP/1.")) {
            response.setHeader("Connection", "close");
        }
    }
}
