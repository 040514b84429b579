package dev.spout.server;

import java.time.Duration;
import java.util.Objects;

/**
 * How a topic keeps its history, how big its events may be, and who may subscribe. Set in {@link Spout#topic(String,
 * java.util.function.Consumer)}.
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
    int historyCount = 1024;
    Duration historyAge = Duration.ofMinutes(10);
    long historyBytes = 16L * 1024 * 1024;
    static final int DEFAULT_MAX_EVENT_BYTES = 256 * 1024;
    int maxEventBytes = -1; // unset: the default, or the application's queue bound if that is smaller
    int initialReplay;
    Authorizer authorizer = Authorizer.allowAll();
    ReplayGapHandler gapHandler = gap -> Replay.history();
    Duration retry;

    TopicOptions() {}

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
     * The largest event the topic takes, encoded (default 256 KiB, or {@link SpoutOptions#maxQueuedBytes} if that is
     * smaller): a bigger one is refused at publish with {@link
     * EventTooLargeException}, before it enters the topic, so it never reaches a subscriber. At most the
     * application's {@link SpoutOptions#maxQueuedBytes} (checked when the topic is created): an event that alone
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
}
