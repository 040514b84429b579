package dev.spout.server.auth;

import dev.spout.engine.auth.ClientRequest;
import java.util.Optional;
import org.eclipse.jetty.server.Request;

/**
 * A request on Spout's own server, as a page, an ajax handler, a plain endpoint or a stream there sees it: what any
 * host offers ({@link ClientRequest}), and what Spout's own server adds: its form, the browser's session, signing a
 * user in and out. A stream's handler or authorizer, written for any host, reaches it with {@code
 * request.unwrap(SpoutRequest.class)}.
 *
 * <pre>{@code
 * app.page("/login", PageOptions.defaults().methods("GET", "POST"), page -> {
 *     Optional<String> user = page.request().formParameter("user");
 *     if (user.isPresent() && accounts.check(user.get(), page.request().formParameter("password").orElse(""))) {
 *         page.request().signIn(user.get());
 *         return page.redirectToNext("/");
 *     }
 *     return loginForm();
 * });
 * }</pre>
 */
public interface SpoutRequest extends ClientRequest {

    /** The first value of a form parameter of a POSTed {@code application/x-www-form-urlencoded} body. */
    Optional<String> formParameter(String name);

    /** The browser's session, if it has a live one (anonymous or a signed-in user's). */
    Optional<Session> session();

    /** The signed-in user of this browser's session, if it has one: who this request is, not merely a session. */
    @Override
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
