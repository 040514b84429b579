package dev.spout.engine.topic;

import dev.spout.engine.auth.Authorizer;
import dev.spout.engine.stream.EventTooLargeException;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How a topic keeps its history, how big its events may be, and who may subscribe. Set in {@link
 * dev.spout.engine.SpoutEngine#topic(String, java.util.function.Consumer)}; read back with the accessors of the same
 * names.
 *
 * <pre>{@code
 * Topic chat = app.topic("chat", topic -> topic
 *         .history(500, Duration.ofHours(1))      // what reconnecting clients can catch up on
 *         .historyBytes(4 * 1024 * 1024)          // and never more than 4 MiB of it
 *         .initialReplay(20)                      // new clients start with the last 20 messages
 *         .authorize(Authorizer.requireUser()));
 * }</pre>
 */
public final class TopicOptions {
    private int historyCount = 1024;
    private Duration historyAge = Duration.ofMinutes(10);
    private long historyBytes = 16L * 1024 * 1024;
    /** The largest event a topic takes unless set otherwise (or unless the queue bound is smaller). */
    public static final int DEFAULT_MAX_EVENT_BYTES = 256 * 1024;

    private int maxEventBytes = -1; // unset: the default, or the application's queue bound if that is smaller
    private int initialReplay;
    private Authorizer authorizer = Authorizer.allowAll();
    private ReplayGapHandler gapHandler = gap -> Replay.history();
    private @Nullable Duration retry;
    private int maxTopics = DEFAULT_MAX_TOPICS;

    /** The most topics of one pattern that exist at once unless set otherwise. */
    public static final int DEFAULT_MAX_TOPICS = 10_000;

    /** The defaults: 1024 events for 10 minutes and at most 16 MiB, events up to 256 KiB, open to everyone. */
    public TopicOptions() {}

    /**
     * Keeps at most {@code count} events, none older than {@code age}, for clients that reconnect with {@code
     * Last-Event-ID} (defaults: 1024 events, 10 minutes). A count of 0 keeps no history.
     */
    public TopicOptions history(int count, Duration age) {
        if (count < 0) {
            throw new IllegalArgumentException("The history count must be zero or more, got " + count);
        }
        if (age.isNegative() || age.isZero()) {
            throw new IllegalArgumentException("The history age must be positive, got " + age);
        }
        this.historyCount = count;
        this.historyAge = age;
        return this;
    }

    /**
     * Keeps at most this many bytes of encoded events in the history (default 16 MiB), whatever the count and age
     * allow: the oldest go first. The heap a topic holds is bounded whatever its publishers send.
     */
    public TopicOptions historyBytes(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("The history size must be zero or more bytes, got " + bytes);
        }
        this.historyBytes = bytes;
        return this;
    }

    /**
     * The largest event the topic takes, encoded (default 256 KiB, or {@link dev.spout.engine.EngineOptions#maxQueuedBytes} if that is
     * smaller): a bigger one is refused at publish with {@link
     * EventTooLargeException}, before it enters the topic, so it never reaches a subscriber. At most the
     * application's {@link dev.spout.engine.EngineOptions#maxQueuedBytes} (checked when the topic is created): an event that alone
     * exceeded a subscriber's queue bound would cut off every subscriber, fast ones too.
     */
    public TopicOptions maxEventBytes(int bytes) {
        if (bytes < 1) {
            throw new IllegalArgumentException("The event size bound must be at least one byte, got " + bytes);
        }
        this.maxEventBytes = bytes;
        return this;
    }

    /** New clients (without {@code Last-Event-ID}) first get up to this many of the latest events (default 0). */
    public TopicOptions initialReplay(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("The initial replay must be zero or more events, got " + count);
        }
        this.initialReplay = count;
        return this;
    }

    /** Who may subscribe (default: everyone). */
    public TopicOptions authorize(Authorizer authorizer) {
        this.authorizer = Objects.requireNonNull(authorizer, "authorizer");
        return this;
    }

    /** What a client whose {@code Last-Event-ID} is no longer in the history gets (default: all the history). */
    public TopicOptions onReplayGap(ReplayGapHandler handler) {
        this.gapHandler = Objects.requireNonNull(handler, "handler");
        return this;
    }

    /** A reconnection delay sent to every client when its stream opens (default: none, the browser's own). */
    public TopicOptions retry(Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("The reconnection delay must not be negative, got " + delay);
        }
        this.retry = delay;
        return this;
    }

    /**
     * For a pattern's options ({@code topicPattern} of a host): the most topics of the pattern that
     * exist at once on this node (default 10,000). Topics on demand are often named from a request (a user, a
     * document), so a stranger could otherwise create them at will, each keeping its history; past the bound, asking
     * for a new one throws {@link TooManyTopicsException} (a {@code 503} where a handler lets it out), and a topic
     * reclaimed (left with neither subscribers nor history) gives its place back. A topic whose name matches no
     * pattern is never reclaimed: never name one from a stranger's input without a pattern.
     */
    public TopicOptions maxTopics(int topics) {
        if (topics < 1) {
            throw new IllegalArgumentException("A pattern allows at least one topic, got " + topics);
        }
        this.maxTopics = topics;
        return this;
    }

    /** The most topics of a pattern with these options that exist at once. */
    public int maxTopics() {
        return maxTopics;
    }

    /** The most events the history keeps. */
    public int historyCount() {
        return historyCount;
    }

    /** The oldest an event in the history may be. */
    public Duration historyAge() {
        return historyAge;
    }

    /** The most encoded bytes the history keeps. */
    public long historyBytes() {
        return historyBytes;
    }

    /** The largest event the topic takes, as set; -1 if not set (the default applies). */
    public int maxEventBytes() {
        return maxEventBytes;
    }

    /** How many of the latest events a new client gets first. */
    public int initialReplay() {
        return initialReplay;
    }

    /** Who may subscribe. */
    public Authorizer authorizer() {
        return authorizer;
    }

    /** What a client whose {@code Last-Event-ID} is not in the history gets. */
    public ReplayGapHandler gapHandler() {
        return gapHandler;
    }

    /** The reconnection delay sent to every client when its stream opens, if any. */
    public java.util.Optional<Duration> retry() {
        return java.util.Optional.ofNullable(retry);
    }
}
