package dev.spout.engine.topic;

import dev.spout.sse.SseEvent;
import java.util.List;

/**
 * How to start a stream whose {@code Last-Event-ID} fell out of the history: the decision of a {@link
 * ReplayGapHandler}.
 *
 * <pre>{@code
 * topic.onReplayGap(gap -> Replay.snapshot(SseEvent.of(board.toJson()).withEvent("snapshot")));
 * }</pre>
 */
public sealed interface Replay {

    /** Replay all the history there is, then go live: nothing retained is lost (the default). */
    static Replay history() {
        return History.INSTANCE;
    }

    /** Skip the history and go live with the next event. */
    static Replay liveOnly() {
        return LiveOnly.INSTANCE;
    }

    /**
     * Send these events first (a snapshot of the current state), then go live. The last of them is given the id of
     * the newest event in the topic, so a later reconnect resumes from there.
     */
    static Replay snapshot(SseEvent... events) {
        return new Snapshot(List.of(events));
    }

    /** See {@link #history()}. */
    enum History implements Replay {
        INSTANCE
    }

    /** See {@link #liveOnly()}. */
    enum LiveOnly implements Replay {
        INSTANCE
    }

    /** See {@link #snapshot(SseEvent...)}. */
    record Snapshot(List<SseEvent> events) implements Replay {
        public Snapshot {
            events = List.copyOf(events);
        }
    }
}
