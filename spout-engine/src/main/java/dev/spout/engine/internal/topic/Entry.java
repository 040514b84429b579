package dev.spout.engine.internal.topic;

import dev.spout.broker.StoredEvent;
import dev.spout.sse.SseEncoder;
import dev.spout.sse.SseEvent;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One event of a topic, encoded once: the bytes every subscriber writes, shared read-only. Entries form a singly
 * linked list in publish order; a subscriber's position is the last entry it has handed to the network, and what it
 * still has to send is everything after it. {@code end} counts the topic's bytes up to and including this entry,
 * so the bytes between two positions are a subtraction.
 *
 * <p>A stream of several topics writes the same bytes under its own id (from {@code bodyOffset}, after the id
 * line), and perhaps under its topic's name as type (from {@code dataOffset}, after the event line). An event
 * published to several topics at once knows the others ({@code alsoIn}), so such a stream sends it once.
 */
public final class Entry {
    private static final byte[] NO_BYTES = new byte[0];

    public final @Nullable String id;
    public final byte[] bytes;
    public final int bodyOffset;
    public final int dataOffset;
    public final String @Nullable [] alsoIn;
    public final List<String> labels; // shared, immutable: a filter reads them without a copy
    public final long end;
    final long timestampMillis;
    public volatile @Nullable Entry next;

    @Nullable
    Backlog backlog; // set on the last entry of a page of a backlog, before the page is linked

    Entry(
            @Nullable String id,
            byte[] bytes,
            int bodyOffset,
            int dataOffset,
            String @Nullable [] alsoIn,
            List<String> labels,
            long end,
            long timestampMillis) {
        this.id = id;
        this.bytes = bytes;
        this.bodyOffset = bodyOffset;
        this.dataOffset = dataOffset;
        this.alsoIn = alsoIn;
        this.labels = labels;
        this.end = end;
        this.timestampMillis = timestampMillis;
    }

    /** An entry of {@code topic} for an event read back from the broker, linked to nothing. */
    public static Entry of(StoredEvent stored, String topic) {
        SseEvent event = stored.event();
        byte[] body = stored.encoded() != null ? stored.encoded() : SseEncoder.encodeWithoutId(event);
        byte[] bytes = SseEncoder.withId(stored.id(), body);
        int bodyOffset = bytes.length - body.length;
        String[] alsoIn = stored.topics().size() == 1
                ? null
                : stored.topics().stream().filter(t -> !t.equals(topic)).toArray(String[]::new);
        return new Entry(
                stored.id(),
                bytes,
                bodyOffset,
                bodyOffset + SseEncoder.eventLineLength(event),
                alsoIn,
                stored.labels(),
                0,
                stored.timestampMillis());
    }

    /** The position of a topic that has no events yet. */
    static Entry start() {
        return new Entry(null, NO_BYTES, 0, 0, null, List.of(), 0, 0);
    }

    /** A position just before {@code entry}, so that the next entry to send is {@code entry} itself. */
    static Entry before(Entry entry) {
        var position =
                new Entry(null, NO_BYTES, 0, 0, null, List.of(), entry.end - entry.bytes.length, entry.timestampMillis);
        position.next = entry;
        return position;
    }

    /** This entry at its place in the topic: {@code end} bytes of the topic up to and including it. */
    Entry at(long end) {
        return new Entry(id, bytes, bodyOffset, dataOffset, alsoIn, labels, end, timestampMillis);
    }

    /** A position after the event {@code afterId} (empty: the topic's beginning) whose next entry is {@code first}. */
    static Entry after(String afterId, Entry first) {
        var position = new Entry(
                afterId, NO_BYTES, 0, 0, null, List.of(), first.end - first.bytes.length, first.timestampMillis);
        position.next = first;
        return position;
    }

    /** Whether this entry is the last of a page of a {@link Backlog}, with more of it to read after it. */
    public boolean endsBacklogPage() {
        return backlog != null;
    }

    /**
     * A subscriber's position is now this entry: if it is the last of a page of a {@link Backlog} with more after
     * it, the next page is read. Outside every lock; does not block.
     */
    public void reached() {
        Backlog more = backlog;
        if (more != null && next == null) {
            more.reached(this);
        }
    }
}
