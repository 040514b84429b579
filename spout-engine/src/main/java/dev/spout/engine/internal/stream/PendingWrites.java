package dev.spout.engine.internal.stream;

import dev.spout.engine.internal.topic.Entry;
import org.eclipse.jetty.util.IteratingCallback;
import org.jspecify.annotations.Nullable;

/**
 * What waits for one client, before its {@link WritePump} writes it: its own messages in an {@link Outbox}, its
 * {@link Source}'s entries, and how far it has fallen behind, which the slow-client bound applies to. A class of its
 * own, kept apart from the writing, but the pump's base rather than an object beside it: every open stream has one,
 * and a second object would cost each idle stream its header. Guarded by the stream's lock.
 */
abstract sealed class PendingWrites extends IteratingCallback permits WritePump {
    @Nullable
    Outbox outbox; // created on first use: most topic streams never need one

    Source source = Source.Own.INSTANCE; // what it follows besides its own messages: set once, as it starts
    private long leastPending = Long.MAX_VALUE; // the least this client has had waiting, for the slow-client bound

    /** Under the stream's lock: the outbox, created if needed. */
    Outbox outbox(int expected) {
        if (outbox == null) {
            outbox = new Outbox(expected);
        }
        return outbox;
    }

    /**
     * Under the stream's lock: the bytes waiting for this client, its own and its source's; {@code head} is the
     * newest entry of its one topic the fan-out told of, or null for the topic's head now.
     */
    long pendingBytes(@Nullable Entry head) {
        return ownBytes() + source.pendingBytes(head);
    }

    /** Under the stream's lock: the bytes of the client's own messages waiting. */
    long ownBytes() {
        return outbox == null ? 0 : outbox.bytes();
    }

    /**
     * Under the lock: how far the client has fallen behind since it was least behind, given what waits now. The
     * slow-client bound applies to that, not to what waits: a client that resumes with a backlog from the history
     * (bounded by the history) is not cut off for it, only for falling further behind; a live client is least
     * behind at about nothing, so for it the two are the same.
     */
    long fallenBehind(long pending) {
        leastPending = Math.min(leastPending, pending);
        return pending - leastPending;
    }

    /**
     * Under the lock: another page of what the client missed waits for it: more is pending, and the client has not
     * fallen behind by it.
     */
    void backlogRead(long bytes) {
        if (leastPending != Long.MAX_VALUE) {
            leastPending += bytes;
        }
    }

    /** Under the lock, once the stream has ended and gathers nothing more: lets go of its places ({@link Source#leave}). */
    void leaveTopics() {
        source.leave();
    }

    boolean outboxEmpty() {
        return outbox == null || outbox.isEmpty();
    }
}
