package dev.spout.server;

import java.util.Optional;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;

/**
 * Finds, starts and ends sessions by their cookie: {@code HttpOnly}, {@code SameSite=Lax}, {@code Secure} under
 * TLS. Ending a session also ends the streams opened with it on this node.
 */
final class Sessions {
    final SessionStore store;
    final String cookieName;
    private final StreamRegistry streams;

    Sessions(SessionStore store, String cookieName, StreamRegistry streams) {
        this.store = store;
        this.cookieName = cookieName;
        this.streams = streams;
    }

    Optional<Session> find(Request request) {
        for (HttpCookie cookie : Request.getCookies(request)) {
            if (cookie.getName().equals(cookieName)) {
                Optional<Session> session = store.find(cookie.getValue());
                if (session.isPresent()) {
                    return session;
                }
            }
        }
        return Optional.empty();
    }

    /** A new session, anonymous ({@code user} null) or for a signed-in user, with its cookie on the response. */
    Session start(Request request, Response response, String user) {
        if (response.isCommitted()) {
            throw new IllegalStateException("A session can only be started before the response is sent (for a "
                    + "stream: before its first event; better, on the page that leads to it)");
        }
        Session session = store.create(user);
        Response.addCookie(response, cookie(request, session.id(), -1));
        return session;
    }

    void end(Request request, Response response, Session session) {
        session.invalidate();
        if (response != null && !response.isCommitted()) {
            Response.addCookie(response, cookie(request, "", 0));
        }
        streams.endSession(session.id());
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
