package dev.spout.spring;

import dev.spout.engine.HostedOptions;
import dev.spout.engine.stream.SlowClientPolicy;
import dev.spout.engine.topic.TopicOptions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Spout's settings in {@code application.properties} or YAML, under {@code spout.}; every key has IDE completion
 * (the starter ships its configuration metadata). Unset keys keep Spout's production defaults.
 *
 * <pre>{@code
 * spout.heartbeat=15s
 * spout.max-queued-bytes=512KB
 * spout.slow-clients=drop-oldest
 * spout.max-streams-per-address=50
 * spout.redis.uri=redis://redis.internal:6379
 * spout.topics[user/*].history-events=100
 * spout.topics[user/*].history-age=1h
 * }</pre>
 */
@ConfigurationProperties("spout")
public class SpoutProperties {
    // Each default is the library's own, read from it, so the two cannot drift apart.
    private static final HostedOptions ENGINE = new HostedOptions();
    private static final TopicOptions TOPIC = new TopicOptions();

    /** How long a stream may be idle before a heartbeat comment goes out; 0 turns heartbeats off. */
    private Duration heartbeat = ENGINE.heartbeat();

    /** How long one write may wait for a client that does not read before the client counts as gone. */
    private Duration writeTimeout = ENGINE.writeTimeout();

    /** How much may wait for one client before the slow-client policy applies. */
    private DataSize maxQueuedBytes = DataSize.ofBytes(ENGINE.maxQueuedBytes());

    /** What happens to a client that falls further behind than max-queued-bytes. */
    private SlowClients slowClients = SlowClients.DISCONNECT;

    /** The most streams open at once on this node; more are refused with 503 and Retry-After. */
    private int maxStreams = ENGINE.maxStreams();

    /** The most streams open at once from one client address. */
    private int maxStreamsPerAddress = ENGINE.maxStreamsPerAddress();

    /** What a client refused at a limit, or while the application stops, is told to wait. */
    private Duration retryAfter = ENGINE.retryAfter();

    /** How long the shutdown waits for streams to end cleanly before the web server stops. */
    private Duration shutdownTimeout = ENGINE.shutdownTimeout();

    /** The Redis broker, for topics shared by several nodes. */
    private final Redis redis = new Redis();

    /** Options of the topics whose names match a pattern ({@code *} is one or more characters other than {@code /}). */
    private final Map<String, Topic> topics = new LinkedHashMap<>();

    /** What happens to a client that falls behind. */
    public enum SlowClients {
        /** The client is cut off; it reconnects and resumes from the history with Last-Event-ID. */
        DISCONNECT,
        /** The oldest events waiting for the client are dropped; the stream goes on. */
        DROP_OLDEST
    }

    /** The Redis broker: set the URI to share topics among nodes (needs dev.spout:spout-redis on the class path). */
    public static class Redis {
        /** The Redis to share topics on, such as redis://redis.internal:6379; unset, topics live in this node. */
        private @Nullable String uri;

        /**
         * The prefix of every key and channel Spout uses in Redis; unset, the Redis broker's own ({@code spout:}).
         * Left unset rather than repeated here: spout-redis is optional, and its default is the one source.
         */
        private @Nullable String keyPrefix;

        /** How long a Redis command may take before it fails; unset, the Redis broker's own (2 s). */
        private @Nullable Duration commandTimeout;

        public @Nullable String getUri() {
            return uri;
        }

        public void setUri(@Nullable String uri) {
            this.uri = uri;
        }

        public @Nullable String getKeyPrefix() {
            return keyPrefix;
        }

        public void setKeyPrefix(@Nullable String keyPrefix) {
            this.keyPrefix = keyPrefix;
        }

        public @Nullable Duration getCommandTimeout() {
            return commandTimeout;
        }

        public void setCommandTimeout(@Nullable Duration commandTimeout) {
            this.commandTimeout = commandTimeout;
        }
    }

    /** Options of the topics of one name pattern. */
    public static class Topic {
        /** How many events the history keeps for clients that resume with Last-Event-ID. */
        private int historyEvents = TOPIC.historyCount();

        /** How old an event in the history may get. */
        private Duration historyAge = TOPIC.historyAge();

        /** How many bytes of encoded events the history may hold. */
        private DataSize historyBytes = DataSize.ofBytes(TOPIC.historyBytes());

        /** How many of the latest events a new client (without Last-Event-ID) gets first. */
        private int initialReplay;

        /** For a pattern: the most of its topics that exist at once; past it, asking for a new one is refused. */
        private int maxTopics = TOPIC.maxTopics();

        public int getHistoryEvents() {
            return historyEvents;
        }

        public void setHistoryEvents(int historyEvents) {
            this.historyEvents = historyEvents;
        }

        public Duration getHistoryAge() {
            return historyAge;
        }

        public void setHistoryAge(Duration historyAge) {
            this.historyAge = historyAge;
        }

        public DataSize getHistoryBytes() {
            return historyBytes;
        }

        public void setHistoryBytes(DataSize historyBytes) {
            this.historyBytes = historyBytes;
        }

        public int getInitialReplay() {
            return initialReplay;
        }

        public void setInitialReplay(int initialReplay) {
            this.initialReplay = initialReplay;
        }

        public int getMaxTopics() {
            return maxTopics;
        }

        public void setMaxTopics(int maxTopics) {
            this.maxTopics = maxTopics;
        }

        void applyTo(TopicOptions options) {
            options.history(historyEvents, historyAge)
                    .historyBytes(historyBytes.toBytes())
                    .initialReplay(initialReplay)
                    .maxTopics(maxTopics);
        }
    }

    /** These settings on Spout's options (each validated there, with its own message). */
    void applyTo(HostedOptions options) {
        options.heartbeat(heartbeat)
                .writeTimeout(writeTimeout)
                .maxQueuedBytes(maxQueuedBytes.toBytes())
                .slowClients(
                        slowClients == SlowClients.DROP_OLDEST
                                ? SlowClientPolicy.dropOldest()
                                : SlowClientPolicy.disconnect())
                .maxStreams(maxStreams)
                .maxStreamsPerAddress(maxStreamsPerAddress)
                .retryAfter(retryAfter)
                .shutdownTimeout(shutdownTimeout);
    }

    public Duration getHeartbeat() {
        return heartbeat;
    }

    public void setHeartbeat(Duration heartbeat) {
        this.heartbeat = heartbeat;
    }

    public Duration getWriteTimeout() {
        return writeTimeout;
    }

    public void setWriteTimeout(Duration writeTimeout) {
        this.writeTimeout = writeTimeout;
    }

    public DataSize getMaxQueuedBytes() {
        return maxQueuedBytes;
    }

    public void setMaxQueuedBytes(DataSize maxQueuedBytes) {
        this.maxQueuedBytes = maxQueuedBytes;
    }

    public SlowClients getSlowClients() {
        return slowClients;
    }

    public void setSlowClients(SlowClients slowClients) {
        this.slowClients = slowClients;
    }

    public int getMaxStreams() {
        return maxStreams;
    }

    public void setMaxStreams(int maxStreams) {
        this.maxStreams = maxStreams;
    }

    public int getMaxStreamsPerAddress() {
        return maxStreamsPerAddress;
    }

    public void setMaxStreamsPerAddress(int maxStreamsPerAddress) {
        this.maxStreamsPerAddress = maxStreamsPerAddress;
    }

    public Duration getRetryAfter() {
        return retryAfter;
    }

    public void setRetryAfter(Duration retryAfter) {
        this.retryAfter = retryAfter;
    }

    public Duration getShutdownTimeout() {
        return shutdownTimeout;
    }

    public void setShutdownTimeout(Duration shutdownTimeout) {
        this.shutdownTimeout = shutdownTimeout;
    }

    public Redis getRedis() {
        return redis;
    }

    public Map<String, Topic> getTopics() {
        return topics;
    }
}
