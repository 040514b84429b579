package dev.spout.server;

import java.util.Optional;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;

/** Finds and starts sessions by their cookie: {@code HttpOnly}, {@code SameSite=Lax}, {@code Secure} under TLS. */
final class Sessions {
    final SessionStore store;
    final String cookieName;

    Sessions(SessionStore store, String cookieName) {
        this.store = store;
        this.cookieName = cookieName;
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

    Session start(Request request, Response response) {
        if (response.isCommitted()) {
            throw new IllegalStateException("A session can only be started before the response is sent (for a "
                    + "stream: before its first event; better, on the page that leads to it)");
        }
        Session session = store.create();
        Response.addCookie(response, cookie(request, session.id(), -1));
        return session;
    }

    void end(Request request, Response response, Session session) {
        session.invalidate();
        if (!response.isCommitted()) {
            Response.addCookie(response, cookie(request, "", 0));
        }
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
