package dev.spout.engine.internal.topic;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;

/**
 * The entries a topic keeps for clients that reconnect: at most a count, a total size and an age, the oldest going
 * first. Found by id in constant time. Not thread-safe: the topic's lock guards it.
 */
final class History {
    private final TopicSettings settings;
    private final ArrayDeque<Entry> entries = new ArrayDeque<>();
    private final HashMap<String, Entry> byId = new HashMap<>();
    private long bytes;
    private boolean forgotAny;

    History(TopicSettings settings) {
        this.settings = settings;
    }

    /** Keeps the entry, dropping the oldest ones beyond the count and size bounds. */
    void add(Entry entry) {
        if (settings.historyCount() == 0) {
            return;
        }
        entries.addLast(entry);
        byId.putIfAbsent(entry.id, entry); // an id given twice (events' own) names the earliest
        bytes += entry.bytes.length;
        while (entries.size() > settings.historyCount() || bytes > settings.historyBytes()) {
            forget(entries.pollFirst());
        }
    }

    /** Drops the entries published before {@code nowMillis} minus the age bound. */
    void expire(long nowMillis) {
        long oldestKept = nowMillis - settings.historyAge().toMillis();
        while (!entries.isEmpty() && entries.peekFirst().timestampMillis < oldestKept) {
            forget(entries.pollFirst());
        }
    }

    /** Forgets every entry: what the node held can no longer be trusted to be whole. */
    void clear() {
        entries.clear();
        byId.clear();
        bytes = 0;
        forgotAny = true;
    }

    /** The retained entry with that id, or null. */
    Entry find(String id) {
        return byId.get(id);
    }

    /** The oldest retained entry, or null. */
    Entry oldest() {
        return entries.peekFirst();
    }

    /**
     * A position before the last {@code count} entries (fewer if fewer are kept), or {@code head} for none: the
     * entry before them where the history still has it, so that the position has an id.
     */
    Entry beforeLatest(int count, Entry head) {
        if (count == 0 || entries.isEmpty()) {
            return head;
        }
        Entry first = null;
        Iterator<Entry> newest = entries.descendingIterator();
        for (int taken = 0; newest.hasNext() && taken < count; taken++) {
            first = newest.next();
        }
        return newest.hasNext() ? newest.next() : Entry.before(first);
    }

    int size() {
        return entries.size();
    }

    long bytes() {
        return bytes;
    }

    /** Whether the history still holds every entry the topic has had on this node (and keeps entries at all). */
    boolean holdsAll() {
        return !forgotAny && settings.historyCount() > 0;
    }

    private void forget(Entry entry) {
        forgotAny = true;
        byId.remove(entry.id, entry);
        bytes -= entry.bytes.length;
    }
}
