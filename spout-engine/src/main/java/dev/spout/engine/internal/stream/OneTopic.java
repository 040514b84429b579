package dev.spout.engine.internal.stream;

import dev.spout.engine.internal.topic.Entry;
import dev.spout.engine.internal.topic.LocalTopic;
import java.nio.ByteBuffer;
import org.jspecify.annotations.Nullable;

/**
 * A stream of one topic: its cursor in the topic, whose entries it writes as they are, with the topic's ids and
 * shared bytes (one entry alone goes out without a copy). Guarded by the stream's lock.
 */
sealed class OneTopic extends TopicCursor implements Source permits FilteredTopic {

    OneTopic(LocalTopic topic, @Nullable Entry position) {
        super(topic, position);
    }

    /** Copies the entries after the stream's place, through {@code last}, into {@code out}. */
    void copyThrough(Entry last, ByteBuffer out) {
        for (Entry e = position; e != last; ) {
            e = e.next;
            out.put(e.bytes);
        }
    }

    @Override
    public long pendingBytes(@Nullable Entry head) {
        return position == null ? 0 : bytesUntil(head != null ? head : topic.head());
    }

    @Override
    public void dropOldest(long keep, long alsoQueued, @Nullable Entry head) {
        if (position != null) {
            topic.dropped(skipOldest(keep, alsoQueued, head != null ? head : topic.head()));
        }
    }

    @Override
    public void delivered(int events) {
        topic.delivered(events);
    }

    @Override
    public void leave() {
        position = null;
    }

    @Override
    public void unsubscribe(EventStream stream) {
        topic.unsubscribe(stream);
    }

    @Override
    public @Nullable Object backlogTails() {
        return Source.endsPage(position) ? position : null;
    }
}
