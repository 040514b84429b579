package dev.spout.engine.internal.topic;

import dev.spout.engine.topic.TopicStats;
import java.util.concurrent.atomic.LongAdder;

/**
 * What a topic counts for its {@link TopicStats}: events published, deliveries written, deliveries dropped by the
 * drop-oldest slow-client policy, and events replayed to clients that came back. Adders, not atomics: every stream's
 * completed write counts, from many threads at once, and the stats are read rarely.
 */
final class TopicCounters {
    private final LongAdder published = new LongAdder();
    private final LongAdder delivered = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    private final LongAdder replayed = new LongAdder();

    void published() {
        published.increment();
    }

    void delivered(int events) {
        delivered.add(events);
    }

    void dropped(int events) {
        dropped.add(events);
    }

    void replayed(long events) {
        replayed.add(events);
    }

    /** The topic's stats now, with what only the topic knows: its subscribers and what its history retains. */
    TopicStats stats(String topic, int subscribers, int retained, long retainedBytes) {
        return new TopicStats(
                topic,
                subscribers,
                published.sum(),
                delivered.sum(),
                dropped.sum(),
                replayed.sum(),
                retained,
                retainedBytes);
    }
}
