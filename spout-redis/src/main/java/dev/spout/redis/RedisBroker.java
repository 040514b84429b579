package dev.spout.redis;

import dev.spout.broker.Broker;
import dev.spout.broker.BrokerHealth;
import dev.spout.broker.BrokerTopic;
import dev.spout.broker.Checkpoints;
import dev.spout.broker.TopicLog;
import dev.spout.broker.internal.log.Logs;
import dev.spout.sse.SseEvent;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;

/**
 * A broker on Redis Streams, so several Spout nodes share their topics: each topic is a stream; publishing on any
 * node appends to it, and every node that has subscribers of the topic reads it and fans the events out to its own
 * clients, encoding each once. Event ids are the stream's ids, so a {@code Last-Event-ID} means the same on every
 * node: a client whose node dies reconnects to another and resumes there, from that node's history or, further
 * back, from Redis.
 *
 * <pre>{@code
 * var app = Spout.create(options -> options.broker(RedisBroker.create("redis://127.0.0.1:6379")));
 * Topic chat = app.topic("chat");      // the stream spout:chat, shared by every node
 * }</pre>
 *
 * <p>However many topics, a node holds three connections: one for publishes (pipelined on it), one for reads
 * (catch-ups, replays), and one for pub/sub, on which it subscribes to the channel of each topic it has
 * subscribers of, and unsubscribes a while after the last one leaves. Publishing is one Lua script: append to the stream (trimmed to
 * its length or age), renew the stream's time to live (so abandoned topics' streams expire), and announce the event
 * with the id before it, from which a node tells that it missed one and reads the stream instead. An event
 * published to several topics at once gets one id in all of them (on Redis Cluster their keys must share a hash
 * slot: give them one hash tag).
 *
 * <p>Failures: a publish while Redis is unreachable fails at once with the client's exception (never silently
 * lost, never queued without bound); reading retries and resumes from the last id it saw, so a Redis restart or a
 * network cut delays events but loses none that Redis kept. An event's own id is not kept: ids come from Redis.
 */
public final class RedisBroker implements Broker {
    private static final Logger LOG = Logs.logger(RedisBroker.class);

    final Settings settings;
    private final RedisClient client;
    private final StatefulRedisConnection<String, String> commands;
    private final StatefulRedisConnection<String, String> reads;
    private final StatefulRedisPubSubConnection<String, String> pubsub;
    private final Map<String, RedisTopic> byKey = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer;
    private final RedisCheckpoints checkpoints;
    final AtomicLong published = new AtomicLong();
    final AtomicLong publishFailures = new AtomicLong();
    final AtomicLong received = new AtomicLong();
    final AtomicLong readFailures = new AtomicLong();
    final AtomicLong lagMillis = new AtomicLong();

    /** How streams are named, trimmed and kept. */
    record Settings(
            String keyPrefix,
            long maxLength,
            Duration maxAge,
            Duration keyTtl,
            int preload,
            Duration commandTimeout,
            Duration unfollowAfter) {}

    private RedisBroker(RedisURI uri, Settings settings, int requestQueueSize) {
        this.settings = settings;
        this.client = RedisClient.create(uri);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .requestQueueSize(requestQueueSize)
                .timeoutOptions(TimeoutOptions.enabled(settings.commandTimeout()))
                .build());
        this.commands = client.connect();
        this.reads = client.connect(); // catch-up and replay reads never wait behind a backlog of publishes
        this.pubsub = client.connectPubSub();
        pubsub.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, String message) {
                RedisTopic topic = byKey.get(channel);
                if (topic == null) {
                    return; // unsubscribed meanwhile
                }
                RedisEvents.Message parsed = RedisEvents.fromMessage(message, topic.name());
                if (parsed == null) {
                    LOG.warn("Ignoring a message on {} that Spout did not publish", channel);
                } else {
                    topic.message(parsed);
                }
            }

            @Override
            public void subscribed(String channel, long count) {
                RedisTopic topic = byKey.get(channel);
                if (topic != null) {
                    topic.subscribed(); // also after a reconnect, when Lettuce subscribes again
                }
            }
        });
        this.checkpoints = new RedisCheckpoints(commands, reads, settings.keyPrefix());
        this.timer = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("spout-redis-timer").daemon().factory());
        long sweep = Math.clamp(settings.unfollowAfter().toMillis() / 4, 50, 1000);
        timer.scheduleWithFixedDelay(this::sweep, sweep, sweep, TimeUnit.MILLISECONDS);
    }

    /** A broker on the Redis at this URI ({@code redis://host:port}), with the default settings. */
    public static RedisBroker create(String uri) {
        return builder(uri).build();
    }

    public static RedisBroker.Builder builder(String uri) {
        return new RedisBroker.Builder(uri);
    }

    @Override
    public BrokerTopic attach(String topic, TopicLog log) {
        if (topic.indexOf('\n') >= 0 || topic.indexOf('\r') >= 0 || topic.indexOf(RedisEvents.TOPIC_SEPARATOR) >= 0) {
            throw new IllegalArgumentException(
                    "A topic on Redis cannot have a line break or NUL in its name: " + topic);
        }
        var redisTopic = new RedisTopic(this, topic, log);
        byKey.put(redisTopic.key, redisTopic); // a topic reclaimed and made again: the new one takes the channel
        return redisTopic;
    }

    @Override
    public CompletableFuture<String> publish(List<BrokerTopic> topics, SseEvent event, byte[] encoded) {
        String[] keys = new String[topics.size()];
        StringBuilder names = new StringBuilder();
        for (int i = 0; i < keys.length; i++) {
            if (!(topics.get(i) instanceof RedisTopic mine) || byKey.get(mine.key) == null) {
                return CompletableFuture.failedFuture(
                        new IllegalArgumentException("Not a topic of this broker: " + topics.get(i)));
            }
            keys[i] = mine.key;
            names.append(i == 0 ? "" : String.valueOf(RedisEvents.TOPIC_SEPARATOR))
                    .append(mine.name());
        }
        String trimKind = settings.maxAge() != null ? "MINID" : "MAXLEN";
        String threshold = settings.maxAge() != null
                ? (System.currentTimeMillis() - settings.maxAge().toMillis()) + "-0"
                : Long.toString(settings.maxLength());
        String ttl = Long.toString(settings.keyTtl().toMillis());
        String type = event.event() == null ? "" : event.event();
        CompletableFuture<String> result = new CompletableFuture<>();
        try {
            CompletableFuture<String> running = keys.length == 1
                    ? RedisScripts.PUBLISH.run(commands, keys, trimKind, threshold, ttl, type, event.data())
                    : RedisScripts.PUBLISH_MANY.run(
                            commands, keys, trimKind, threshold, ttl, type, event.data(), names.toString());
            running.whenComplete((id, failure) -> {
                if (failure != null) {
                    publishFailures.incrementAndGet();
                    result.completeExceptionally(failure);
                } else {
                    published.incrementAndGet();
                    result.complete(id);
                }
            });
        } catch (RedisException refused) { // not connected, or the request queue is full
            publishFailures.incrementAndGet();
            result.completeExceptionally(refused);
        }
        return result;
    }

    @Override
    public Checkpoints checkpoints() {
        return checkpoints;
    }

    /** The connection for reads: catch-ups, replays, checkpoints loaded. */
    StatefulRedisConnection<String, String> reads() {
        return reads;
    }

    void subscribe(RedisTopic topic) {
        try {
            pubsub.async().subscribe(topic.key).whenComplete((done, failure) -> {
                if (failure != null) {
                    LOG.warn("Cannot subscribe to {} yet ({}); trying again", topic.key, failure.toString());
                }
            });
        } catch (RedisException notConnected) {
            LOG.warn("Cannot subscribe to {} yet ({}); trying again", topic.key, notConnected.toString());
        }
    }

    void unsubscribe(RedisTopic topic) {
        try {
            pubsub.async().unsubscribe(topic.key);
        } catch (RedisException notConnected) {
            LOG.debug("Unsubscribing {} while disconnected: the reconnect will not subscribe it again", topic.key);
        }
    }

    /** Runs a failed read again a little later, on the broker's timer. */
    void retryLater(Runnable read) {
        try {
            timer.schedule(read, 200, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            LOG.debug("The broker is closing: no retry");
        }
    }

    void detached(RedisTopic topic, boolean wasFollowing) {
        boolean last = byKey.remove(topic.key, topic);
        if (wasFollowing && last) { // no topic of that name took the channel over
            unsubscribe(topic);
        }
    }

    private void sweep() {
        try {
            long now = System.nanoTime();
            byKey.values().forEach(topic -> topic.sweep(now));
        } catch (RuntimeException failure) {
            LOG.error("The Redis broker's sweep failed; it runs again shortly", failure);
        }
    }

    public RedisStats stats() {
        int following =
                (int) byKey.values().stream().filter(RedisTopic::following).count();
        return new RedisStats(
                published.get(),
                publishFailures.get(),
                received.get(),
                readFailures.get(),
                lagMillis.get(),
                byKey.size(),
                following);
    }

    /**
     * Up when its three connections are open and Redis answers a PING within the command timeout; down, with the
     * reason, otherwise (the node then cannot publish, and its streams get nothing new until Redis is back).
     */
    @Override
    public BrokerHealth health() {
        var details = new java.util.LinkedHashMap<String, Object>();
        details.put("broker", "redis");
        details.put("topics", byKey.size());
        details.put("published", published.get());
        details.put("publishFailures", publishFailures.get());
        details.put("lagMillis", lagMillis.get());
        if (!commands.isOpen() || !reads.isOpen() || !pubsub.isOpen()) {
            details.put(
                    "error",
                    "a connection to Redis is not open (commands " + commands.isOpen() + ", reads " + reads.isOpen()
                            + ", pubsub " + pubsub.isOpen() + ")");
            return BrokerHealth.down(details);
        }
        try {
            String pong = reads.async()
                    .ping()
                    .toCompletableFuture()
                    .get(settings.commandTimeout().toMillis(), TimeUnit.MILLISECONDS);
            details.put("ping", pong);
            return BrokerHealth.up(details);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            details.put("error", "interrupted while waiting for Redis to answer a PING");
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException failure) {
            Throwable cause = failure instanceof java.util.concurrent.ExecutionException ? failure.getCause() : failure;
            details.put("error", "Redis did not answer a PING within " + settings.commandTimeout() + ": " + cause);
        }
        return BrokerHealth.down(details);
    }

    @Override
    public void close() {
        timer.shutdownNow();
        byKey.values().forEach(RedisTopic::close);
        pubsub.close();
        reads.close();
        commands.close();
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }

    /**
     * Settings of a Redis broker.
     *
     * <pre>{@code
     * RedisBroker broker = RedisBroker.builder("redis://redis.internal:6379")
     *         .maxLength(1_000_000)     // each stream keeps about this many events (XADD MAXLEN ~)
     *         .keyTtl(Duration.ofDays(7)) // a stream nobody published to for a week is dropped
     *         .preload(5_000)           // a node new to a topic fills its history with the latest 5,000
     *         .build();
     * }</pre>
     */
    public static final class Builder {
        private final RedisURI uri;
        private String keyPrefix = "spout:";
        private long maxLength = 100_000;
        private Duration maxAge;
        private Duration keyTtl = Duration.ofDays(1);
        private int preload = 1024;
        private Duration commandTimeout = Duration.ofSeconds(2);
        private Duration unfollowAfter = Duration.ofSeconds(30);
        private int requestQueueSize = 10_000;

        private Builder(String uri) {
            this.uri = RedisURI.create(java.util.Objects.requireNonNull(uri, "uri"));
        }

        /** The prefix of the stream keys (default {@code spout:}): topic {@code chat} is stream {@code spout:chat}. */
        public Builder keyPrefix(String prefix) {
            this.keyPrefix = java.util.Objects.requireNonNull(prefix, "prefix");
            return this;
        }

        /** Trims each stream to about this many events (XADD MAXLEN ~; default 100,000). */
        public Builder maxLength(long events) {
            if (events < 1) {
                throw new IllegalArgumentException("maxLength must be at least 1, got " + events);
            }
            this.maxLength = events;
            this.maxAge = null;
            return this;
        }

        /** Trims each stream to about this age instead of a length (XADD MINID ~). */
        public Builder maxAge(Duration age) {
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
        public Builder keyTtl(Duration ttl) {
            if (ttl.toMillis() < 1) {
                throw new IllegalArgumentException("keyTtl must be at least a millisecond, got " + ttl);
            }
            this.keyTtl = ttl;
            return this;
        }

        /** How many of the latest events a node reads into a topic's history when it starts following it. */
        public Builder preload(int events) {
            if (events < 0) {
                throw new IllegalArgumentException("preload must be zero or more, got " + events);
            }
            this.preload = events;
            return this;
        }

        /** How long a Redis command may take before it fails (default 2 seconds). */
        public Builder commandTimeout(Duration timeout) {
            this.commandTimeout = java.util.Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /**
         * How long a node goes on reading a topic after its last subscriber here left (default 30 seconds): clients
         * that come back soon find it caught up; then the node stops reading it.
         */
        public Builder unfollowAfter(Duration delay) {
            if (delay.isNegative()) {
                throw new IllegalArgumentException("unfollowAfter cannot be negative, got " + delay);
            }
            this.unfollowAfter = delay;
            return this;
        }

        /** How many commands may wait for Redis before new ones are refused (default 10,000): a bounded buffer. */
        public Builder requestQueueSize(int commands) {
            this.requestQueueSize = commands;
            return this;
        }

        /** The name this node's connections show in Redis's CLIENT LIST (default {@code spout}). */
        public Builder clientName(String name) {
            uri.setClientName(java.util.Objects.requireNonNull(name, "name"));
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
                    new Settings(keyPrefix, maxLength, maxAge, keyTtl, preload, commandTimeout, unfollowAfter),
                    requestQueueSize);
        }
    }
}
