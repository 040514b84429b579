package dev.spout.server;

import java.time.Instant;
import java.util.Optional;

/**
 * A browser's session: a few attributes kept on the server, found again by an unguessable id in an {@code
 * HttpOnly}, {@code SameSite=Lax} cookie ({@code Secure} under TLS). Pages, SSE handlers, topic authorizers and ajax
 * handlers reach it through {@link ClientRequest#session()}.
 *
 * <pre>{@code
 * Session session = page.request().startSession();   // after a successful login
 * session.put("user", "ann");
 * ...
 * String user = sse.request().session().flatMap(s -> s.get("user", String.class)).orElseThrow();
 * }</pre>
 */
public interface Session {

    /** The session's id: 256 random bits, base64url. */
    String id();

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
