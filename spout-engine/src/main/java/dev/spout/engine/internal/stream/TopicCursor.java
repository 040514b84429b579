package dev.spout.engine.internal.stream;

import dev.spout.engine.internal.topic.Entry;
import dev.spout.engine.internal.topic.LocalTopic;
import org.jspecify.annotations.Nullable;

/**
 * Where a topic stream stands in its topic: the last entry it has handed to the network. Everything after it is
 * still to write; its size is a subtraction of the entries' running byte counts. Guarded by its stream's lock.
 */
class TopicCursor {
    LocalTopic topic; // the one it follows: another of the same name if it was reclaimed before it could follow

    @Nullable
    Entry position; // null once the stream has ended and let go of it

    TopicCursor(LocalTopic topic, @Nullable Entry position) {
        this.topic = topic;
        this.position = position;
    }

    /** The bytes between the position and {@code head}. */
    long bytesUntil(Entry head) {
        return head.end - position.end;
    }

    /**
     * Skips the oldest pending entries until at most {@code bound} bytes (with {@code alsoQueued} others) wait;
     * returns how many were skipped.
     */
    int skipOldest(long bound, long alsoQueued, Entry head) {
        int dropped = 0;
        while (alsoQueued + bytesUntil(head) > bound && position != head) {
            pass(position.next);
            dropped++;
        }
        return dropped;
    }

    /** Moves past the entry. */
    void pass(Entry entry) {
        position = entry;
    }
}
