package dev.spout.redis;

import java.util.ArrayDeque;
import org.jspecify.annotations.Nullable;

/**
 * The messages of a topic's channel that cannot be delivered yet: they came during a catch-up from the stream, or
 * after a gap (a message that did not follow on from the last one delivered). Bounded: past {@value #MAX} the held
 * ones are let go, and the catch-up reads them from the stream instead. Guarded by the topic's lock.
 *
 * <pre>{@code
 * for (Message next; (next = held.takeNext(position)) != null; ) deliver(next.event());
 * }</pre>
 */
final class HeldMessages {
    static final int MAX = 100_000;

    private final ArrayDeque<RedisEvents.Message> waiting = new ArrayDeque<>();

    /** Holds the message; false if the bound was reached and the messages held before it were let go. */
    boolean hold(RedisEvents.Message message) {
        boolean kept = waiting.size() < MAX;
        if (!kept) {
            waiting.clear(); // memory stays bounded: the stream still has them
        }
        waiting.add(message);
        return kept;
    }

    /**
     * Takes the next held message that follows on from where the node is, dropping those delivered already; null if
     * none waits, or if the next one does not follow on ({@link #isEmpty} then tells a gap from nothing).
     */
    RedisEvents.@Nullable Message takeNext(StreamPosition position) {
        while (!waiting.isEmpty()) {
            RedisEvents.Message next = waiting.peek();
            if (position.had(next.event().id())) {
                waiting.poll();
            } else if (position.followsOn(next)) {
                return waiting.poll();
            } else {
                return null;
            }
        }
        return null;
    }

    boolean isEmpty() {
        return waiting.isEmpty();
    }

    void clear() {
        waiting.clear();
    }
}
