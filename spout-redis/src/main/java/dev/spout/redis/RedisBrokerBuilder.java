package dev.spout.redis;

import io.lettuce.core.RedisURI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Settings of a Redis broker, from {@link RedisBroker#builder}. The URI names one Redis ({@code redis://host:port},
 * {@code rediss://} for TLS), a Redis Cluster by a few of its nodes separated by commas (seeds: one is enough, more
 * survive one being down; {@code redis://10.0.0.1:7000,10.0.0.2:7000} gives the second the first's scheme and
 * password), or a master behind Sentinel ({@code redis-sentinel://10.0.0.9:26379#mymaster}). Whether it is a
 * cluster, {@link #build} asks the node.
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
    private final List<RedisURI> seeds;
    private String keyPrefix = "spout:";
    private long maxLength = 100_000;
    private @Nullable Duration maxAge;
    private Duration keyTtl = Duration.ofDays(1);
    private int preload = 1024;
    private Duration commandTimeout = Duration.ofSeconds(2);
    private Duration unfollowAfter = Duration.ofSeconds(30);
    private int requestQueueSize = 10_000;
    private int maxPublishesInFlight = -1; // unset: 2,000, or half the request queue if that is smaller
    private int maxPublishesWaiting = 100_000;
    private long maxPublishBytes = 64L << 20;
    private Duration idempotencyWindow = Duration.ofMinutes(10);
    private ReplicaWaits.@Nullable Wanted waitForReplicas;

    RedisBrokerBuilder(String uri) {
        this.seeds = RedisSeeds.parse(Objects.requireNonNull(uri, "uri"));
    }

    /**
     * The prefix of the stream keys (default {@code spout:}): topic {@code chat} is stream {@code spout:chat}, or on
     * a Redis Cluster {@code spout:{chat}} (on the slot of its name).
     */
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

    /**
     * How many commands may wait for Redis on each connection before Lettuce refuses new ones (default 10,000): a
     * bounded buffer. Publishes stay under it ({@link #maxPublishesInFlight}); it bounds reads and checkpoints.
     */
    public RedisBrokerBuilder requestQueueSize(int commands) {
        if (commands < 2) {
            throw new IllegalArgumentException("requestQueueSize must be at least 2, got " + commands);
        }
        this.requestQueueSize = commands;
        return this;
    }

    /**
     * How many publishes are sent to Redis and not yet answered at once (default 2,000, or half of {@link
     * #requestQueueSize} if that is smaller): enough to keep the connection's pipeline full, and well under Lettuce's
     * request queue, which refuses commands past its size (a stack trace logged for each) and would leave no room for
     * checkpoints. More wait their turn ({@link #maxPublishesWaiting}). Must be under the request queue's size.
     */
    public RedisBrokerBuilder maxPublishesInFlight(int publishes) {
        if (publishes < 1) {
            throw new IllegalArgumentException("maxPublishesInFlight must be at least 1, got " + publishes);
        }
        this.maxPublishesInFlight = publishes;
        return this;
    }

    /**
     * How many publishes may wait behind those in flight (default 100,000), and how many bytes of events the
     * publishes not yet answered may hold in all, waiting or in flight (default 64 MiB; an event alone is never
     * refused for its size). Waiting publishes are sent in the order they were made. Past either bound a publish
     * fails at once with a {@link dev.spout.broker.TooManyPublishesException}, nothing of it written: the memory a
     * burst takes is bounded, and the publisher learns at once that Redis is behind.
     */
    public RedisBrokerBuilder maxPublishesWaiting(int publishes, long bytes) {
        if (publishes < 0) {
            throw new IllegalArgumentException("maxPublishesWaiting must be zero or more, got " + publishes);
        }
        if (bytes < 1) {
            throw new IllegalArgumentException("The bytes publishes hold must be at least 1, got " + bytes);
        }
        this.maxPublishesWaiting = publishes;
        this.maxPublishBytes = bytes;
        return this;
    }

    /**
     * How long a topic remembers an idempotency key ({@code Topic.publishOnce}; default 10 minutes): a publish with a
     * key the topic had within it publishes nothing and answers the first publish's id. Each key is a Redis key of its
     * own that expires after the window (about 100 bytes and the key's length), so Redis holds as many as keyed
     * publishes in one window. Retry within it: a retry after it publishes again.
     */
    public RedisBrokerBuilder idempotencyWindow(Duration window) {
        if (window.toMillis() < 1) {
            throw new IllegalArgumentException("idempotencyWindow must be at least a millisecond, got " + window);
        }
        this.idempotencyWindow = window;
        return this;
    }

    /**
     * Answers a publish only once this many replicas of its master have it (default: off, answered once the master
     * has it). Redis replicates asynchronously: a master that fails over to its replica loses what it had not sent
     * yet, publishes it had answered among them. With this, each publish is followed by Redis's {@code WAIT} on the
     * same connection (one {@code WAIT} behind each round of pipelined publishes to a master), and a publish whose
     * replicas did not all confirm it within the timeout fails with a {@link NotReplicatedException}: written on the
     * master, maybe kept, maybe not, as after a timeout, so publish with an idempotency key ({@code
     * Topic.publishOnce}) and retry with it. Costs a replica's round trip per publish (measured in docs/redis.md).
     * A master with fewer replicas than asked refuses every publish so: ask for no more than each master has, and know
     * that a replica promoted in its master's place has none until one joins it (the old master, brought back).
     *
     * <pre>{@code
     * RedisBroker.builder(uri).waitForReplicas(1, Duration.ofMillis(500)).build();
     * }</pre>
     *
     * @param replicas how many replicas must have it, at least 1
     * @param timeout how long to wait for them, at least a millisecond and under {@link #commandTimeout}
     */
    public RedisBrokerBuilder waitForReplicas(int replicas, Duration timeout) {
        if (replicas < 1) {
            throw new IllegalArgumentException("waitForReplicas needs at least 1 replica, got " + replicas);
        }
        if (timeout.toMillis() < 1) { // WAIT n 0 would wait for ever
            throw new IllegalArgumentException("The wait for replicas must be at least a millisecond, got " + timeout);
        }
        this.waitForReplicas = new ReplicaWaits.Wanted(replicas, timeout);
        return this;
    }

    /** The name this node's connections show in Redis's CLIENT LIST (default {@code spout}). */
    public RedisBrokerBuilder clientName(String name) {
        Objects.requireNonNull(name, "name");
        seeds.forEach(seed -> seed.setClientName(name));
        return this;
    }

    /**
     * Connects the broker: asks the first seed that answers whether it is a cluster node, then opens the
     * connections.
     *
     * @throws io.lettuce.core.RedisConnectionException if no seed answers
     * @throws IllegalArgumentException if several seeds name a Redis that is not a cluster
     */
    public RedisBroker build() {
        seeds.stream().filter(seed -> seed.getClientName() == null).forEach(seed -> seed.setClientName("spout"));
        if (maxAge != null && keyTtl.compareTo(maxAge) < 0) {
            throw new IllegalArgumentException(
                    "keyTtl (" + keyTtl + ") must be at least maxAge (" + maxAge + "): a stream would go first");
        }
        if (waitForReplicas != null && waitForReplicas.timeout().compareTo(commandTimeout) >= 0) {
            throw new IllegalArgumentException("The wait for replicas (" + waitForReplicas.timeout() + ") must be"
                    + " under commandTimeout (" + commandTimeout + "): else the WAIT times out as a command first");
        }
        int inFlight = maxPublishesInFlight > 0 ? maxPublishesInFlight : Math.min(2_000, requestQueueSize / 2);
        if (inFlight >= requestQueueSize) {
            throw new IllegalArgumentException(
                    "maxPublishesInFlight (" + inFlight + ") must be under requestQueueSize (" + requestQueueSize
                            + "): Lettuce refuses commands past it, and checkpoints need room");
        }
        return new RedisBroker(
                seeds,
                new RedisBroker.Settings(
                        keyPrefix,
                        maxLength,
                        maxAge,
                        keyTtl,
                        preload,
                        commandTimeout,
                        unfollowAfter,
                        idempotencyWindow,
                        waitForReplicas),
                requestQueueSize,
                new PublishQueue.Bounds(inFlight, maxPublishesWaiting, maxPublishBytes));
    }
}
