package dev.spout.server.internal.topic;

/**
 * One event of a topic, encoded once: the bytes every subscriber writes, shared read-only. Entries form a singly
 * linked list in publish order; a subscriber's position is the last entry it has handed to the network, and what it
 * still has to send is everything after it. {@code end} counts the topic's bytes up to and including this entry,
 * so the bytes between two positions are a subtraction.
 */
public final class Entry {
    private static final byte[] NO_BYTES = new byte[0];

    public final String id;
    public final byte[] bytes;
    public final long end;
    final long timestampMillis;
    public volatile Entry next;

    Entry(String id, byte[] bytes, long end, long timestampMillis) {
        this.id = id;
        this.bytes = bytes;
        this.end = end;
        this.timestampMillis = timestampMillis;
    }

    /** The position of a topic that has no events yet. */
    static Entry start() {
        return new Entry(null, NO_BYTES, 0, 0);
    }

    /** A position just before {@code entry}, so that the next entry to send is {@code entry} itself. */
    static Entry before(Entry entry) {
        var position = new Entry(null, NO_BYTES, entry.end - entry.bytes.length, entry.timestampMillis);
        position.next = entry;
        return position;
    }
}
