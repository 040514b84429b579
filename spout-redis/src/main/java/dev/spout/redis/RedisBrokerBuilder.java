package dev.spout.redis;

import io.lettuce.core.RedisURI;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Settings of a Redis broker, from {@link RedisBroker#builder}.
 *
 * <pre>{@code
 * RedisBroker broker = RedisBroker.builder("redis://redis.internal:6379")
 *         .maxLength(1_000_000)     // each stream keeps about this many events (XADD MAXLEN ~)
 *         .keyTtl(Duration.ofDays(7)) // a stream nobody published to for a week is dropped
 *         .preload(5_000)           // a node new to a topic fills its history with the latest 5,000
 *         .build();
 * }</pre>
 */
public final class RedisBrokerBuilder {
    private final RedisURI uri;
    private String keyPrefix = "spout:";
    private long maxLength = 100_000;
    private @Nullable Duration maxAge;
    private Duration keyTtl = Duration.ofDays(1);
    private int preload = 1024;
    private Duration commandTimeout = Duration.ofSeconds(2);
    private Duration unfollowAfter = Duration.ofSeconds(30);
    private int requestQueueSize = 10_000;

    RedisBrokerBuilder(String uri) {
        this.uri = RedisURI.create(Objects.requireNonNull(uri, "uri"));
    }

    /** The prefix of the stream keys (default {@code spout:}): topic {@code chat} is stream {@code spout:chat}. */
    public RedisBrokerBuilder keyPrefix(String prefix) {
        this.keyPrefix = Objects.requireNonNull(prefix, "prefix");
        return this;
    }

    /** Trims each stream to about this many events (XADD MAXLEN ~; default 100,000). */
    public RedisBrokerBuilder maxLength(long events) {
        if (events < 1) {
            throw new IllegalArgumentException("maxLength must be at least 1, got " + events);
        }
        this.maxLength = events;
        this.maxAge = null;
        return this;
    }

    /** Trims each stream to about this age instead of a length (XADD MINID ~). */
    public RedisBrokerBuilder maxAge(Duration age) {
        if (age.isNegative() || age.isZero()) {
            throw new IllegalArgumentException("maxAge must be positive, got " + age);
        }
        this.maxAge = age;
        return this;
    }

    /**
     * How long a stream is kept after its last publish (default a day): an abandoned topic's stream, and what
     * Redis memory it holds, goes then. At least the age bound, if there is one.
     */
    public RedisBrokerBuilder keyTtl(Duration ttl) {
        if (ttl.toMillis() < 1) {
            throw new IllegalArgumentException("keyTtl must be at least a millisecond, got " + ttl);
        }
        this.keyTtl = ttl;
        return this;
    }

    /** How many of the latest events a node reads into a topic's history when it starts following it. */
    public RedisBrokerBuilder preload(int events) {
        if (events < 0) {
            throw new IllegalArgumentException("preload must be zero or more, got " + events);
        }
        this.preload = events;
        return this;
    }

    /** How long a Redis command may take before it fails (default 2 seconds). */
    public RedisBrokerBuilder commandTimeout(Duration timeout) {
        this.commandTimeout = Objects.requireNonNull(timeout, "timeout");
        return this;
    }

    /**
     * How long a node goes on reading a topic after its last subscriber here left (default 30 seconds): clients
     * that come back soon find it caught up; then the node stops reading it.
     */
    public RedisBrokerBuilder unfollowAfter(Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("unfollowAfter cannot be negative, got " + delay);
        }
        this.unfollowAfter = delay;
        return this;
    }

    /** How many commands may wait for Redis before new ones are refused (default 10,000): a bounded buffer. */
    public RedisBrokerBuilder requestQueueSize(int commands) {
        this.requestQueueSize = commands;
        return this;
    }

    /** The name this node's connections show in Redis's CLIENT LIST (default {@code spout}). */
    public RedisBrokerBuilder clientName(String name) {
        uri.setClientName(Objects.requireNonNull(name, "name"));
        return this;
    }

    public RedisBroker build() {
        if (uri.getClientName() == null) {
            uri.setClientName("spout");
        }
        if (maxAge != null && keyTtl.compareTo(maxAge) < 0) {
            throw new IllegalArgumentException(
                    "keyTtl (" + keyTtl + ") must be at least maxAge (" + maxAge + "): a stream would go first");
        }
        return new RedisBroker(
                uri,
                new RedisBroker.Settings(keyPrefix, maxLength, maxAge, keyTtl, preload, commandTimeout, unfollowAfter),
                requestQueueSize);
    }
}
