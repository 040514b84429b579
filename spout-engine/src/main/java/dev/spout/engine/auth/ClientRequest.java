package dev.spout.engine.auth;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What an SSE handler, a subscription handler or an authorizer may read of the request that opens a stream, on any
 * host: path, headers, query parameters, the client's address and who is asking. {@link #unwrap} reaches what the
 * host made of the request (on Spout's own server, its sessions and forms).
 *
 * <pre>{@code
 * app.sse("/users/{id}/feed", sse -> {
 *     String id = sse.request().pathParameter("id").orElseThrow();
 *     ...
 * });
 * app.sse("/prices", sse -> {
 *     String symbol = sse.request().queryParameter("symbol").orElse("ACME");
 *     String user = sse.request().user().orElse("guest");
 *     ...
 * });
 * }</pre>
 */
public interface ClientRequest {

    /** The path, without the query, as the client asked for it (for example {@code /client}). */
    String path();

    /** The request method, such as {@code GET}. */
    String method();

    /**
     * The value of a parameter of the route's path, such as {@code id} for {@code /users/{id}/events} and the
     * request {@code /users/42/events}; empty for a parameter the route does not have.
     */
    default Optional<String> pathParameter(String name) {
        return Optional.ofNullable(pathParameters().get(name));
    }

    /** All the parameters of the route's path, by name; empty for a route without any. */
    Map<String, String> pathParameters();

    /** The first value of a header, if the client sent it. */
    Optional<String> header(String name);

    /** The first value of a query parameter, if present. */
    Optional<String> queryParameter(String name);

    /** All values of a query parameter, in order; empty if absent. */
    List<String> queryParameters(String name);

    /** The names of the query's parameters (a protocol that refuses parameters it does not know asks). */
    Set<String> queryParameterNames();

    /** The client's IP address, as seen by this server (a proxy's, behind one). */
    String remoteAddress();

    /** Whether the request came over TLS. */
    boolean isSecure();

    /**
     * Who is asking, if the host knows: the signed-in user of Spout's own session, the container's principal, the
     * WebFlux exchange's principal. Empty for a stranger.
     */
    Optional<String> user();

    /**
     * This request as what its host made it, for what this view does not offer: Spout's own server's {@code
     * SpoutRequest} (sessions, sign-in, forms) or Jetty's {@code Request}, a container's {@code HttpServletRequest},
     * WebFlux's {@code ServerWebExchange}. Empty if the host has no such thing.
     *
     * <pre>{@code
     * Optional<HttpServletRequest> servlet = request.unwrap(HttpServletRequest.class);
     * }</pre>
     */
    <T> Optional<T> unwrap(Class<T> type);
}
