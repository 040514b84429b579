package dev.spout.servlet.internal;

import dev.spout.engine.host.EngineHost;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;

/**
 * Ends a container session's streams when the session ends: invalidated (a sign-out: Spring Security's logout
 * invalidates the session by default) or expired. A stream opened with a session was meant for whoever that
 * session belonged to; on Spout's own server its sign-out does the same ({@code CloseReason.SessionEnded}).
 *
 * <p>Streams are registered with the container's session object, which keeps its identity when the container gives
 * the session a new id (at sign-in, against fixation), so no id needs following.
 */
public final class SessionStreams implements HttpSessionListener {
    private final EngineHost engine;

    public SessionStreams(EngineHost engine) {
        this.engine = engine;
    }

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        engine.endSession(event.getSession());
    }

    /** Whether the session is still valid: an invalidated one throws from every getter but a few. */
    static boolean isValid(HttpSession session) {
        try {
            session.getCreationTime();
            return true;
        } catch (IllegalStateException invalidated) {
            return false;
        }
    }
}
