package dev.spout.redis;

import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The ids of the last {@value #SIZE} entries a node passed in a topic's stream (delivered, or stepped over when it
 * preloaded), oldest first: what tells, after a failover, which of them Redis still has. A stream only grows at its
 * end, so the node has passed every entry up to its last id; but a replica promoted in place of a master that died
 * has only a prefix of the master's stream (replication is asynchronous), and appends its own entries after that
 * prefix, with ids from its own clock, which may be lower than ids the node passed if its clock is behind. An entry at
 * or before the node's last id that is not among these, within their span, is one of those: the node never had it.
 * Guarded by the topic's lock; no allocation when an id is added, but for the array the first time.
 *
 * <pre>{@code
 * recent.add(entry.getId());                  // each entry passed
 * recent.missing(message.event().id());       // an id within the span that the node never passed?
 * recent.lastCommon(idsRedisHasInTheSpan);    // the last entry both have: where the stream went on without us
 * }</pre>
 */
final class RecentIds {
    static final int SIZE = 128; // 512 bytes a followed topic; the ids themselves are in its history anyway

    private String @Nullable [] ids; // made when the first id is passed: a topic only published to has none
    private int next; // where the next id goes
    private int count; // how many are kept, the newest just before next

    /** Records the next id passed (each greater than the one before). */
    void add(String id) {
        if (ids == null) {
            ids = new String[SIZE];
        }
        ids[next] = id;
        next = (next + 1) % SIZE;
        count = Math.min(count + 1, SIZE);
    }

    int size() {
        return count;
    }

    /** The i-th id kept, oldest first. */
    String get(int i) {
        return ids[(next - count + i + SIZE) % SIZE];
    }

    /** The oldest id kept, or null if none. */
    @Nullable
    String oldest() {
        return count == 0 ? null : get(0);
    }

    /** Whether the id is one of those kept. */
    boolean has(String id) {
        for (int i = 0; i < count; i++) {
            if (get(i).equals(id)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether an entry with this id, at or before the last one passed, was never passed: it is within the span kept
     * (not before the oldest) and not among them. Older ids than the span are taken as passed.
     */
    boolean missing(String id) {
        String oldest = oldest();
        return oldest != null && StreamEntryIds.compare(id, oldest) >= 0 && !has(id);
    }

    /**
     * The last entry both the node and Redis have, from the ids Redis has now from the oldest kept one up to the
     * node's last (oldest first): the ids kept that Redis still has must be the oldest of them (those Redis trimmed
     * aside), each then in Redis's order with no other entry between them, and none of the others may come after
     * (what came after the last common one is the new master's). Null if that is not so, or none is common: the
     * node cannot tell where the stream went on without it.
     */
    @Nullable
    String lastCommon(List<String> inRedis) {
        int kept = size();
        int k = 0;
        while (k < kept && !inRedis.isEmpty() && StreamEntryIds.compare(get(k), inRedis.getFirst()) < 0) {
            k++; // trimmed by Redis since: it trims from the oldest
        }
        String common = null;
        int r = 0;
        while (r < inRedis.size() && k < kept && inRedis.get(r).equals(get(k))) {
            common = inRedis.get(r);
            r++;
            k++;
        }
        for (; r < inRedis.size(); r++) {
            for (int later = k; later < kept; later++) {
                if (inRedis.get(r).equals(get(later))) {
                    return null; // an id the node passed after one Redis lost: not a prefix, nothing to trust
                }
            }
        }
        return common;
    }

    /** Forgets the ids after {@code id} (which must be kept): Redis lost them, and the stream goes on from it. */
    void keepUpTo(String id) {
        if (!has(id)) {
            throw new IllegalArgumentException("Not a kept id: " + id);
        }
        while (!get(count - 1).equals(id)) {
            next = (next - 1 + SIZE) % SIZE;
            ids[next] = null;
            count--;
        }
    }

    void clear() {
        if (ids != null) {
            Arrays.fill(ids, null);
        }
        next = 0;
        count = 0;
    }
}
