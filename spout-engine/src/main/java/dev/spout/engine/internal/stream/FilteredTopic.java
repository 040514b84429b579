package dev.spout.engine.internal.stream;

import dev.spout.broker.internal.log.Logs;
import dev.spout.engine.internal.topic.Entry;
import dev.spout.engine.internal.topic.LocalTopic;
import dev.spout.engine.topic.EventFilter;
import java.nio.ByteBuffer;
import org.slf4j.Logger;

/**
 * A stream of one topic that sends only the entries its {@link EventFilter} accepts, by their labels: the topic's
 * order and ids as they are, each refused entry passed over as if sent. Its place is set when it starts following
 * (until then it has none, and gathers nothing). Guarded by the stream's lock.
 */
final class FilteredTopic extends OneTopic {
    private static final Logger LOG = Logs.logger(FilteredTopic.class);
    private final EventFilter filter;
    private final java.time.@org.jspecify.annotations.Nullable Instant endsAt;

    FilteredTopic(LocalTopic topic, EventFilter filter) {
        super(topic, null);
        this.filter = filter;
        this.endsAt = filter.endsAt();
    }

    /** Whether the stream's credentials have expired by {@code now} ({@link EventFilter#endsAt}). */
    boolean endedBy(java.time.Instant now) {
        return endsAt != null && !now.isBefore(endsAt);
    }

    /** The stream leaves the topic, as it ends; outside the stream's lock: its filter is told. */
    @Override
    public void unsubscribe(EventStream stream) {
        super.unsubscribe(stream);
        try {
            filter.closed();
        } catch (RuntimeException failed) { // the application's, not the stream's: the close goes on
            LOG.error("The filter of a stream of topic {} failed when told the stream ended", topic.name(), failed);
        }
    }

    boolean accepts(Entry entry) {
        return filter.accepts(entry.labels);
    }

    /** Copies the accepted entries after the stream's place, through {@code last}, into {@code out}. */
    @Override
    void copyThrough(Entry last, ByteBuffer out) {
        for (Entry e = position; e != last; ) {
            e = e.next;
            if (accepts(e)) {
                out.put(e.bytes);
            }
        }
    }
}
