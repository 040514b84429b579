package dev.spout.server;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Sessions in memory, expiring after an idle period. Expired sessions are dropped when next looked up or swept. */
final class MemorySessionStore implements SessionStore {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Duration idle;
    private final Map<String, MemorySession> sessions = new ConcurrentHashMap<>();

    MemorySessionStore(Duration idle) {
        if (idle.isNegative() || idle.isZero()) {
            throw new IllegalArgumentException("The session idle time must be positive, got " + idle);
        }
        this.idle = idle;
    }

    static String randomId() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public Optional<Session> find(String id) {
        MemorySession session = id == null ? null : sessions.get(id);
        if (session == null) {
            return Optional.empty();
        }
        if (session.lastAccess.plus(idle).isBefore(Instant.now())) {
            sessions.remove(id, session);
            return Optional.empty();
        }
        session.lastAccess = Instant.now();
        return Optional.of(session);
    }

    @Override
    public Session create() {
        sweep();
        var session = new MemorySession(randomId(), randomId(), this);
        sessions.put(session.id(), session);
        return session;
    }

    @Override
    public void invalidate(String id) {
        sessions.remove(id);
    }

    private void sweep() {
        Instant oldest = Instant.now().minus(idle);
        sessions.values().removeIf(s -> s.lastAccess.isBefore(oldest));
    }

    private static final class MemorySession implements Session {
        private final String id;
        private final String csrfToken;
        private final MemorySessionStore store;
        private final Instant createdAt = Instant.now();
        private final Map<String, Object> attributes = new ConcurrentHashMap<>();
        volatile Instant lastAccess = createdAt;

        MemorySession(String id, String csrfToken, MemorySessionStore store) {
            this.id = id;
            this.csrfToken = csrfToken;
            this.store = store;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public <T> Optional<T> get(String name, Class<T> type) {
            Object value = attributes.get(name);
            return type.isInstance(value) ? Optional.of(type.cast(value)) : Optional.empty();
        }

        @Override
        public void put(String name, Object value) {
            attributes.put(name, value);
        }

        @Override
        public void remove(String name) {
            attributes.remove(name);
        }

        @Override
        public Instant createdAt() {
            return createdAt;
        }

        @Override
        public void invalidate() {
            store.invalidate(id);
        }

        @Override
        public String csrfToken() {
            return csrfToken;
        }
    }
}
