package dev.spout.engine.host;

import dev.spout.engine.auth.Authorizer;
import dev.spout.engine.auth.ClientRequest;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A request for a stream, as a host hands it to the engine to decide on ({@link EngineHost#admit}).
 *
 * <pre>{@code
 * var asked = new StreamRequest(
 *         request.getMethod(), Collections.list(request.getHeaders("Accept")), client, StreamSource.topic(news));
 * }</pre>
 *
 * @param method the request's method (a stream is a GET)
 * @param accept every value of its {@code Accept} headers
 * @param client the request as every host can tell it
 * @param source what the stream follows
 * @param pagePath where a browser that navigates to the stream (its {@code Accept} names {@code text/html}, not
 *     {@code text/event-stream}) is sent instead, or null to answer it as any other request
 * @param hostRule a rule of the host's that must admit the client too (a page's: only its signed-in users), beside the
 *     source's own
 * @param path what the stream is known by in logs and errors: a host with routes passes its route's path, one string
 *     that all of the route's streams share, rather than each keep its own request's copy for as long as it lasts
 */
public record StreamRequest(
        String method,
        List<String> accept,
        ClientRequest client,
        StreamSource source,
        @Nullable String pagePath,
        Authorizer hostRule,
        String path) {

    public StreamRequest {
        Objects.requireNonNull(method, "method");
        accept = List.copyOf(accept);
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(hostRule, "hostRule");
        Objects.requireNonNull(path, "path");
    }

    /** A request known by its own path ({@link ClientRequest#path}). */
    public StreamRequest(
            String method,
            List<String> accept,
            ClientRequest client,
            StreamSource source,
            @Nullable String pagePath,
            Authorizer hostRule) {
        this(method, accept, client, source, pagePath, hostRule, client.path());
    }

    /** A request with no page to send a browser to, and no rule of the host's. */
    public StreamRequest(String method, List<String> accept, ClientRequest client, StreamSource source) {
        this(method, accept, client, source, null, Authorizer.allowAll());
    }
}
