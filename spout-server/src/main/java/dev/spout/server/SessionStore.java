package dev.spout.server;

import java.util.Optional;

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

    /** A new session with a fresh unguessable id. */
    Session create();

    /** Forgets the session. */
    void invalidate(String id);

    /** Sessions in this process's memory, forgotten after {@code idle} without activity. */
    static SessionStore inMemory(java.time.Duration idle) {
        return new MemorySessionStore(idle);
    }
}
