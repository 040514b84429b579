package dev.spout.engine.internal.stream;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * When a stream of several topics saves its checkpoints: the first once every topic is subscribed (nothing is
 * written before it is saved, so every id names one the broker keeps), then a renewal when more than {@value
 * #MAX_COUNTED} topics have counts (ids stay one short line) or the checkpoint is half its time to live old; never two
 * at once, and a failed save retried after a second. It also knows which checkpoint the ids count from, and whether
 * the client can resume exactly from them. Guarded by the stream's lock.
 */
final class CheckpointSchedule {
    static final int MAX_COUNTED = 8;
    private static final long RETRY_NANOS = Duration.ofSeconds(1).toNanos();

    final Duration ttl;
    private final long renewAfterNanos;
    private long key;
    private boolean joined; // every topic is subscribed: the first checkpoint can be taken
    private boolean ready; // the first checkpoint is saved: events may go out
    private TopicSet.@Nullable Save saving;
    private long savedNanos;
    private long failedNanos;
    private boolean lastSaveFailed; // then ids may name more topics rather than the stream stop
    private boolean exact; // the client resumes exactly from its ids: it came back from a checkpoint, or one is saved

    /** A schedule for checkpoints kept {@code ttl}: renewed at half of it. */
    CheckpointSchedule(Duration ttl) {
        this.ttl = ttl;
        this.renewAfterNanos = ttl.toNanos() / 2;
        this.failedNanos = System.nanoTime() - RETRY_NANOS;
    }

    /** Every topic is subscribed: the first checkpoint is due. */
    void joined() {
        joined = true;
    }

    boolean isJoined() {
        return joined;
    }

    /** Whether the first checkpoint is saved (or its save has failed): events may go out. */
    boolean ready() {
        return ready;
    }

    /** The key of the checkpoint the ids count from. */
    long key() {
        return key;
    }

    /** Whether the last save failed: then ids may name more topics rather than the stream stop writing. */
    boolean lastSaveFailed() {
        return lastSaveFailed;
    }

    /** The stream resumed exactly from the checkpoint its client's id named. */
    void resumedExactly() {
        exact = true;
    }

    /**
     * Whether the client can resume exactly from the ids it has been given: then a checkpoint that continues them is
     * never refused for the client's share of the budget ({@link CheckpointBudget}).
     */
    boolean exact() {
        return exact;
    }

    /**
     * Whether a checkpoint is due now (the first, or a renewal, with {@code counted} topics having counts), and none
     * is under way.
     */
    boolean due(long now, int counted) {
        if (!joined || saving != null || lastSaveFailed && now - failedNanos < RETRY_NANOS) {
            return false;
        }
        return !ready || now - savedNanos > renewAfterNanos || counted > MAX_COUNTED;
    }

    /** The checkpoint being saved from now on. */
    void saving(TopicSet.Save save) {
        saving = save;
    }

    /**
     * The save ended; returns whether the ids count from it now: on success, and after a failed first save too (its
     * ids then name a checkpoint no node has: a client resuming with one gets its topics' gap policy). Either way
     * events may go out.
     */
    boolean saved(TopicSet.Save save, boolean succeeded, long now) {
        saving = null;
        lastSaveFailed = !succeeded;
        exact |= succeeded;
        if (!succeeded) {
            failedNanos = now;
        }
        boolean adopted = succeeded || !ready;
        if (adopted) {
            key = save.key();
            savedNanos = now;
        }
        ready = true;
        return adopted;
    }
}
