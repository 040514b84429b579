package dev.spout.server;

import java.time.Duration;
import java.util.Objects;

/**
 * How a topic keeps its history and who may subscribe. Set in {@link Spout#topic(String, java.util.function.Consumer)}.
 *
 * <pre>{@code
 * Topic chat = app.topic("chat", topic -> topic
 *         .history(500, Duration.ofHours(1))      // what reconnecting clients can catch up on
 *         .initialReplay(20)                      // new clients start with the last 20 messages
 *         .authorize(request -> sessions.find(request).isPresent() ? Access.ALLOW : Access.UNAUTHORIZED));
 * }</pre>
 */
public final class TopicOptions {
    int historyCount = 1024;
    Duration historyAge = Duration.ofMinutes(10);
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
