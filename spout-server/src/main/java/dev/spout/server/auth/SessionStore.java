package dev.spout.server.auth;

import dev.spout.server.internal.auth.MemorySessionStore;
import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Where sessions live. The default keeps them in memory ({@link #inMemory}); a distributed store (Redis, a
 * database) implements this interface so that every node of a cluster finds every session.
 *
 * <pre>{@code
 * Spout.create(options -> options.sessions(SessionStore.inMemory(Duration.ofHours(8))));
 * }</pre>
 */
public interface SessionStore {

    /** The live session with that id, if any; finding it counts as activity. */
    Optional<Session> find(String id);

    /**
     * A new session with a fresh unguessable id: anonymous when {@code user} is null, else belonging to that
     * signed-in user for its whole life.
     */
    Session create(@Nullable String user);

    /** Forgets the session. */
    void invalidate(String id);

    /**
     * Sessions in this process's memory: a signed-in user's is forgotten after {@code idle} without activity, an
     * anonymous one after at most 30 minutes, and at most 100,000 anonymous sessions are kept (beyond, the least
     * recently used go first), so a flood of new visitors cannot fill the heap.
     */
    static SessionStore inMemory(Duration idle) {
        return new MemorySessionStore(
                idle, idle.compareTo(Duration.ofMinutes(30)) < 0 ? idle : Duration.ofMinutes(30), 100_000);
    }

    /** Sessions in memory with every bound chosen: idle times for signed-in and anonymous sessions, and a cap. */
    static SessionStore inMemory(Duration idle, Duration anonymousIdle, int maxAnonymous) {
        return new MemorySessionStore(idle, anonymousIdle, maxAnonymous);
    }
}
