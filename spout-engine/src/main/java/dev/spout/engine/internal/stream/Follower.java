package dev.spout.engine.internal.stream;

import dev.spout.engine.auth.ClientRequest;
import dev.spout.engine.internal.topic.Entry;
import dev.spout.engine.internal.topic.EventIds;
import dev.spout.engine.internal.topic.LocalTopic;
import dev.spout.engine.internal.topic.Subscriber;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One topic of a stream of several: its cursor in the topic, and the subscriber the topic tells. Besides the
 * position it keeps what the stream's ids need: the place it started from ({@code anchor} and {@code offset}, as
 * the stream's checkpoint has it) and how many events it has passed since ({@code count}). Guarded by the stream's
 * lock.
 */
final class Follower extends TopicCursor implements Subscriber {
    final EventStream stream;
    final byte @Nullable [] typeLine; // "event: <topic>", when the stream types events by topic
    String anchor = "";
    long offset;
    int count;

    @Nullable
    String lastPassedId;

    int inFlight; // events of the write under way, counted as delivered when it completes

    Follower(EventStream stream, LocalTopic topic, byte @Nullable [] typeLine) {
        super(topic, null);
        this.stream = stream;
        this.typeLine = typeLine;
    }

    /** Under the stream's lock, at subscription: where this topic starts, as the next checkpoint records it. */
    void startAt(Entry start) {
        position = start;
        lastPassedId = start.id;
        count = 0;
        if (start.id != null) {
            anchor = start.id;
            offset = 0;
        } else if (start.next != null) {
            anchor = start.next.id; // a position before an entry: the anchor event, less one
            offset = -1;
        } else {
            anchor = ""; // the topic had nothing: its beginning
            offset = 0;
        }
    }

    @Override
    void pass(Entry entry) {
        position = entry;
        count++;
        lastPassedId = entry.id;
    }

    /** Whether this topic's cursor has passed the event of that id (published to several topics at once). */
    boolean passed(String id) {
        return lastPassedId != null && EventIds.compare(lastPassedId, id).orElse(-1) >= 0;
    }

    /** The bytes this topic's entry takes in the stream, without its id line. */
    int size(Entry entry) {
        return typeLine != null
                ? typeLine.length + entry.bytes.length - entry.dataOffset
                : entry.bytes.length - entry.bodyOffset;
    }

    @Override
    public boolean follow(LocalTopic topic, Entry position, List<byte[]> first) {
        return stream.follow(this, topic, position, first);
    }

    @Override
    public void published(Entry head) {
        stream.published(head);
    }

    @Override
    public void caughtUpMore(long bytes) {
        stream.caughtUpMore(bytes);
    }

    @Override
    public void failed(RuntimeException cause) {
        stream.failed(cause);
    }

    @Override
    public ClientRequest request() {
        return stream.request();
    }

    @Override
    public boolean writesTopicIds() {
        return false;
    }

    @Override
    public String toString() {
        return "Follower[" + topic.name() + " of " + stream + "]";
    }
}
