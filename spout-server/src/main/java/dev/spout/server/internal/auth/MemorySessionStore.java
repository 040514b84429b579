package dev.spout.server.internal.auth;

import dev.spout.server.auth.Session;
import dev.spout.server.auth.SessionStore;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sessions in memory, expiring after an idle period: a signed-in user's after the long one, an anonymous one after
 * the short one. Anonymous sessions are also capped in number, since anyone can make one by loading a page: beyond
 * the cap, expired ones are swept and then the least recently used tenth is dropped.
 */
public final class MemorySessionStore implements SessionStore {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Duration idle;
    private final Duration anonymousIdle;
    private final int maxAnonymous;
    private final Map<String, MemorySession> sessions = new ConcurrentHashMap<>();
    private final AtomicInteger anonymous = new AtomicInteger();

    /** Sessions kept in memory; see {@link SessionStore#inMemory(Duration, Duration, int)}. */
    public MemorySessionStore(Duration idle, Duration anonymousIdle, int maxAnonymous) {
        this.idle = positive(idle, "idle time");
        this.anonymousIdle = positive(anonymousIdle, "idle time of anonymous sessions");
        if (maxAnonymous < 1) {
            throw new IllegalArgumentException("At least one anonymous session must be allowed, got " + maxAnonymous);
        }
        this.maxAnonymous = maxAnonymous;
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
        Instant now = Instant.now();
        if (expired(session, now)) {
            forget(session);
            return Optional.empty();
        }
        session.lastAccess = now;
        return Optional.of(session);
    }

    @Override
    public Session create(String user) {
        var session = new MemorySession(randomId(), randomId(), user, this);
        sessions.put(session.id(), session);
        if (user == null && anonymous.incrementAndGet() > maxAnonymous) {
            makeRoom();
        }
        return session;
    }

    @Override
    public void invalidate(String id) {
        MemorySession session = sessions.get(id);
        if (session != null) {
            forget(session);
        }
    }

    int size() {
        return sessions.size();
    }

    private void forget(MemorySession session) {
        if (sessions.remove(session.id(), session) && session.user == null) {
            anonymous.decrementAndGet();
        }
    }

    private boolean expired(MemorySession session, Instant now) {
        return session.lastAccess
                .plus(session.user == null ? anonymousIdle : idle)
                .isBefore(now);
    }

    /** Sweeps expired sessions; if anonymous ones are still over the cap, drops the least recently used tenth. */
    private synchronized void makeRoom() {
        if (anonymous.get() <= maxAnonymous) {
            return; // another caller made room while this one waited
        }
        Instant now = Instant.now();
        sessions.values().stream().filter(s -> expired(s, now)).forEach(this::forget);
        int over = anonymous.get() - maxAnonymous;
        if (over > 0) {
            sessions.values().stream()
                    .filter(s -> s.user == null)
                    .sorted(Comparator.comparing(s -> s.lastAccess))
                    .limit(Math.max(over, maxAnonymous / 10))
                    .toList()
                    .forEach(this::forget);
        }
    }

    private static Duration positive(Duration duration, String what) {
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("The session " + what + " must be positive, got " + duration);
        }
        return duration;
    }

    private static final class MemorySession implements Session {
        private final String id;
        private final String csrfToken;
        private final String user;
        private final MemorySessionStore store;
        private final Instant createdAt = Instant.now();
        private final Map<String, Object> attributes = new ConcurrentHashMap<>();
        volatile Instant lastAccess = createdAt;

        MemorySession(String id, String csrfToken, String user, MemorySessionStore store) {
            this.id = id;
            this.csrfToken = csrfToken;
            this.user = user;
            this.store = store;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public Optional<String> user() {
            return Optional.ofNullable(user);
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
