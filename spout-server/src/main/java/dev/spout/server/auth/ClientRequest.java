package dev.spout.server.auth;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.server.Request;

/**
 * What a page, SSE handler, authorizer or ajax handler may read of the request that started it: path, headers,
 * query and form parameters, the client's address, the browser's session and its signed-in user. A thin view over
 * Jetty's request; {@link #jetty()} is the escape hatch.
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

    /** The first value of a form parameter of a POSTed {@code application/x-www-form-urlencoded} body. */
    Optional<String> formParameter(String name);

    /** The client's IP address, as seen by this server (a proxy's, behind one). */
    String remoteAddress();

    /** Whether the request came over TLS. */
    boolean isSecure();

    /** The browser's session, if it has a live one (anonymous or a signed-in user's). */
    Optional<Session> session();

    /** The signed-in user of this browser's session, if it has one: who this request is, not merely a session. */
    default Optional<String> user() {
        return session().flatMap(Session::user);
    }

    /**
     * The browser's session, started now as an anonymous one if it has none (setting the session cookie): for
     * state and CSRF tokens, never a login (see {@link #signIn}).
     *
     * @throws IllegalStateException once the response has been sent (a stream's headers go out before its handler)
     */
    Session startSession();

    /**
     * Signs the user in, after the application has checked who they are: the browser's old session, if any, ends
     * (its streams too), and a new one for the user replaces it under a fresh id, so an id an attacker may have
     * planted is worth nothing. Pages and streams that require a user admit the browser from then on.
     *
     * <pre>{@code
     * if (accounts.check(name, password)) {
     *     page.request().signIn(name);
     *     return page.redirectToNext(app.path("/dashboard"));
     * }
     * }</pre>
     *
     * @throws IllegalStateException once the response has been sent
     * @throws IllegalArgumentException if the user name is blank
     */
    Session signIn(String user);

    /**
     * Ends the browser's session, if it has one (sign-out, or the end of an anonymous session), and clears its
     * cookie. Streams opened with that session on this node end at once, with {@code CloseReason.SessionEnded}.
     */
    void signOut();

    /** The underlying Jetty request, for what this view does not offer. */
    Request jetty();
}
