package dev.spout.redis;

import dev.spout.broker.Broker;
import dev.spout.broker.BrokerTopic;
import dev.spout.broker.TopicLog;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A broker on Redis Streams, so several Spout nodes share their topics: each topic is a stream; publishing on any
 * node appends to it (XADD), and every node reads it (XREAD) and fans the events out to its own clients, encoding
 * each once. Event ids are the stream's ids, so a {@code Last-Event-ID} means the same on every node: a client whose
 * node dies reconnects to another and resumes there, from that node's history or, further back, from Redis.
 *
 * <pre>{@code
 * var app = Spout.create(options -> options.broker(RedisBroker.create("redis://127.0.0.1:6379")));
 * Topic chat = app.topic("chat");      // the stream spout:chat, shared by every node
 * }</pre>
 *
 * <p>Failures: a publish while Redis is unreachable fails at once with the client's exception (never silently
 * lost, never queued without bound); readers retry and resume from the last id they saw, so a Redis restart or a
 * network cut delays events but loses none that Redis kept. An event's own id is not kept: ids come from Redis.
 */
public final class RedisBroker implements Broker {
    final Settings settings;
    private final RedisClient client;
    private final StatefulRedisConnection<String, String> publishing;
    private final List<RedisTopic> topics = new CopyOnWriteArrayList<>();
    final AtomicLong published = new AtomicLong();
    final AtomicLong publishFailures = new AtomicLong();
    final AtomicLong received = new AtomicLong();
    final AtomicLong readFailures = new AtomicLong();
    final AtomicLong lagMillis = new AtomicLong();

    /** How streams are named and trimmed. */
    record Settings(String keyPrefix, long maxLength, Duration maxAge, int preload, Duration commandTimeout) {}

    private RedisBroker(RedisURI uri, Settings settings, int requestQueueSize) {
        this.settings = settings;
        this.client = RedisClient.create(uri);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .requestQueueSize(requestQueueSize)
                .timeoutOptions(TimeoutOptions.enabled(settings.commandTimeout()))
                .build());
        this.publishing = client.connect();
    }

    /** A broker on the Redis at this URI ({@code redis://host:port}), with the default settings. */
    public static RedisBroker create(String uri) {
        return builder(uri).build();
    }

    public static Builder builder(String uri) {
        return new Builder(uri);
    }

    @Override
    public BrokerTopic attach(String topic, TopicLog log) {
        var redisTopic = new RedisTopic(this, settings.keyPrefix() + topic, log, client.connect(), publishing);
        topics.add(redisTopic);
        redisTopic.start();
        return redisTopic;
    }

    void detached(RedisTopic topic) {
        topics.remove(topic);
    }

    public RedisStats stats() {
        return new RedisStats(
                published.get(), publishFailures.get(), received.get(), readFailures.get(), lagMillis.get());
    }

    @Override
    public void close() {
        topics.forEach(RedisTopic::close);
        publishing.close();
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }

    /**
     * Settings of a Redis broker.
     *
     * <pre>{@code
     * RedisBroker broker = RedisBroker.builder("redis://redis.internal:6379")
     *         .maxLength(1_000_000)     // each stream keeps about this many events (XADD MAXLEN ~)
     *         .preload(5_000)           // a starting node fills its history with the latest 5,000
     *         .build();
     * }</pre>
     */
    public static final class Builder {
        private final RedisURI uri;
        private String keyPrefix = "spout:";
        private long maxLength = 100_000;
        private Duration maxAge;
        private int preload = 1024;
        private Duration commandTimeout = Duration.ofSeconds(2);
        private int requestQueueSize = 10_000;

        private Builder(String uri) {
            this.uri = RedisURI.create(Objects.requireNonNull(uri, "uri"));
        }

        /** The prefix of the stream keys (default {@code spout:}): topic {@code chat} is stream {@code spout:chat}. */
        public Builder keyPrefix(String prefix) {
            this.keyPrefix = Objects.requireNonNull(prefix, "prefix");
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

        /** How many of the latest events a node reads into each topic's history when it starts (default 1024). */
        public Builder preload(int events) {
            if (events < 0) {
                throw new IllegalArgumentException("preload must be zero or more, got " + events);
            }
            this.preload = events;
            return this;
        }

        /** How long a Redis command may take before it fails (default 2 seconds). */
        public Builder commandTimeout(Duration timeout) {
            this.commandTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /** How many commands may wait for Redis before new ones are refused (default 10,000): a bounded buffer. */
        public Builder requestQueueSize(int commands) {
            this.requestQueueSize = commands;
            return this;
        }

        public RedisBroker build() {
            return new RedisBroker(
                    uri, new Settings(keyPrefix, maxLength, maxAge, preload, commandTimeout), requestQueueSize);
        }
    }
}
