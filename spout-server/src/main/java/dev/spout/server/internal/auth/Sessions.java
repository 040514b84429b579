package dev.spout.server.internal.auth;

import dev.spout.server.auth.Session;
import dev.spout.server.auth.SessionStore;
import java.util.Optional;
import java.util.function.Consumer;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;

/**
 * Finds, starts and ends sessions by their cookie: {@code HttpOnly}, {@code SameSite=Lax}, {@code Secure} under
 * TLS. Ending a session also ends the streams opened with it on this node.
 */
public final class Sessions {
    private final SessionStore store;
    private final String cookieName;
    private final Consumer<String> ended; // told the id of each session that ends, to end its streams

    public Sessions(SessionStore store, String cookieName, Consumer<String> ended) {
        this.store = store;
        this.cookieName = cookieName;
        this.ended = ended;
    }

    /**
     * The request's session: the first cookie of the session's name is looked up, and no other. A store may be a
     * network round trip away, so a request that carries the cookie a hundred times must not cost a hundred; a
     * browser sends one (the cookie is set for one path and this host only).
     */
    public Optional<Session> find(Request request) {
        for (HttpCookie cookie : Request.getCookies(request)) {
            if (cookie.getName().equals(cookieName)) {
                return store.find(cookie.getValue());
            }
        }
        return Optional.empty();
    }

    /** A new session, anonymous ({@code user} null) or for a signed-in user, with its cookie on the response. */
    public Session start(Request request, Response response, String user) {
        if (response.isCommitted()) {
            throw new IllegalStateException("A session can only be started before the response is sent (for a "
                    + "stream: before its first event; better, on the page that leads to it)");
        }
        Session session = store.create(user);
        Response.addCookie(response, cookie(request, session.id(), -1));
        return session;
    }

    public void end(Request request, Response response, Session session) {
        session.invalidate();
        if (response != null && !response.isCommitted()) {
            Response.addCookie(response, cookie(request, "", 0));
        }
        ended.accept(session.id());
    }

    private HttpCookie cookie(Request request, String value, long maxAge) {
        return HttpCookie.build(cookieName, value)
                .path("/")
                .httpOnly(true)
                .secure(request.isSecure())
                .sameSite(HttpCookie.SameSite.LAX)
                .maxAge(maxAge)
                .build();
    }
}
