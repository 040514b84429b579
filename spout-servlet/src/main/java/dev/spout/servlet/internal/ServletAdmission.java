package dev.spout.servlet.internal;

import dev.spout.engine.host.Admission;
import dev.spout.engine.host.EngineHost;
import dev.spout.engine.host.StreamRequest;
import dev.spout.engine.host.StreamSource;
import dev.spout.servlet.ServletClientRequest;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Collections;

/**
 * A request for a stream in a Servlet container: the engine decides ({@link EngineHost#admit}, the same checks in
 * the same order and with the same statuses as on Spout's own server), and this translates its answer into the
 * Servlet API: the refusal as the container's error, or the stream in the request's async context. Every refusal is
 * answered before the first byte of a stream.
 */
public final class ServletAdmission {
    private final EngineHost engine;

    public ServletAdmission(EngineHost engine) {
        this.engine = engine;
    }

    /** Opens the request's stream of {@code source}, or answers the request with its refusal. */
    public void admit(HttpServletRequest request, HttpServletResponse response, StreamSource source)
            throws IOException {
        var client = new ServletClientRequest(request);
        var asked =
                new StreamRequest(request.getMethod(), Collections.list(request.getHeaders("Accept")), client, source);
        switch (engine.admit(asked)) {
            case Admission.Refused refused -> {
                refused.headers().forEach(response::setHeader);
                if (refused.reason() == null) {
                    response.sendError(refused.status()); // the application's error page, if it has one
                } else {
                    // The reason says how to ask (a 406's Accept, a 405's GET): written as the body, where a
                    // framework's error page would hide it (Spring Boot's shows no message by default).
                    response.setStatus(refused.status());
                    response.setContentType("text/plain;charset=UTF-8");
                    response.getWriter().println(refused.reason());
                }
            }
            case Admission.Redirected redirected -> response.sendRedirect(redirected.location());
            case Admission.Admitted admitted -> open(admitted, client, request, response);
        }
    }

    /**
     * The stream's status and headers (on HTTP/1.x the connection is closed after the stream, so the body is
     * delimited by the connection's end, not by chunks: the event bytes go out as they are), its async context with
     * no timeout (heartbeats and the write timeout find dead clients), and its exchange.
     */
    private void open(
            Admission.Admitted admitted,
            ServletClientRequest client,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        response.setStatus(HttpServletResponse.SC_OK);
        admitted.headers().forEach(response::setHeader);
        if (request.getProtocol().startsWith("HTTP/1.")) {
            response.setHeader("Connection", "close");
        }
        AsyncContext async = request.startAsync(request, response);
        async.setTimeout(0);
        var exchange = new ServletExchange(async, response.getOutputStream(), client);
        async.addListener(new ContainerEvents(exchange));
        // The container's session object, not its id: it keeps its identity when the container gives it a new id.
        HttpSession session = request.getSession(false);
        exchange.attach(admitted.open(exchange, session));
        response.getOutputStream().setWriteListener(exchange);
        admitted.start();
        if (session != null && !SessionStreams.isValid(session)) {
            engine.endSession(session); // signed out while this stream was being admitted
        }
    }
}
