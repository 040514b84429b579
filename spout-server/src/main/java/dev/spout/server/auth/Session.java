package dev.spout.server.auth;

import java.time.Instant;
import java.util.Optional;

/**
 * A browser's session: a few attributes kept on the server, found again by an unguessable id in an {@code
 * HttpOnly}, {@code SameSite=Lax} cookie ({@code Secure} under TLS). Pages, SSE handlers, authorizers and ajax
 * handlers reach it through {@link SpoutRequest#session()}.
 *
 * <p>A session is not a login. It is either <b>anonymous</b> (started for a page's CSRF token or to keep some state)
 * or it <b>belongs to one signed-in user</b> for its whole life: {@link SpoutRequest#signIn} starts a new session
 * for the user, {@link SpoutRequest#signOut} ends it. What protects a page or a stream is a signed-in user ({@link
 * dev.spout.server.page.PageOptions#requireUser()}, {@link dev.spout.engine.auth.Authorizer#requireUser()}), never the mere presence of a
 * session.
 *
 * <pre>{@code
 * page.request().signIn("ann");                             // after checking the password: a fresh session id
 * String user = sse.request().user().orElseThrow();         // who this stream belongs to
 * page.request().startSession().put("theme", "dark");       // plain state, no login needed
 * }</pre>
 */
public interface Session {

    /** The session's id: 256 random bits, base64url. */
    String id();

    /** The signed-in user the session belongs to; empty for an anonymous session. */
    Optional<String> user();

    /** An attribute, if set and of that type. */
    <T> Optional<T> get(String name, Class<T> type);

    /** Sets an attribute; values should be immutable (a session may be read by several requests at once). */
    void put(String name, Object value);

    void remove(String name);

    Instant createdAt();

    /** Ends the session: it is forgotten and its cookie is no longer accepted. */
    void invalidate();

    /** The token ajax calls of this session must carry (Spout checks it; pages embed it for their scripts). */
    String csrfToken();
}
