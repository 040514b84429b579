package dev.spout.redis;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Where a node stands in a topic's stream: the last entry it passed, the few before it ({@link RecentIds}), and what
 * the stream lost of them, if it did, to tell the topic before its next events. Guarded by the topic's lock.
 *
 * <p>A stream only grows at its end, so a catch-up reads what follows the last id. Two things break that, and each is
 * told to the topic's log as lost events (its streams end, and its clients resume by the topic's gap policy): Redis
 * trimmed past the last id while the node was not reading; or a master failed over to a replica that had not
 * received the last entries (Redis replicates asynchronously), which the node may have delivered. The new master then
 * goes on from its own last entry, with ids from its own clock: after the node's last id, or, if its clock is behind,
 * at or before it. So the node goes back to the last entry both have and delivers what the new master appended after
 * it, whatever their ids; none is taken for one it had, none is skipped.
 *
 * <pre>{@code
 * switch (position.check(from, batch.atOrBefore(), entries.isEmpty())) { ... }
 * if (position.had(message.event().id())) return; // a message for an entry a catch-up delivered
 * }</pre>
 */
final class StreamPosition {
    /** What a catch-up found of the id it read after. */
    enum Check {
        /** The stream still has it (or the node had none): what follows goes on from it. */
        GOES_ON,
        /** Redis trimmed past it: events the node never read are gone. */
        TRIMMED,
        /** The stream no longer has it but has older entries: a failover lost the last ones the node passed. */
        DIVERGED
    }

    private final RecentIds recent = new RecentIds();
    private @Nullable String lastId;
    private @Nullable String loss; // why events were lost: told to the topic's log before the next ones

    @Nullable
    String lastId() {
        return lastId;
    }

    /** The node passed this entry: delivered it, or stepped over it preloading the latest. */
    void passed(String id) {
        lastId = id;
        recent.add(id);
    }

    /**
     * Whether the entry was passed already: at or before the last id, and not one the node never passed among those
     * it kept (a new master's, appended with a lower id than the node's last: the stream is not the one it read).
     */
    boolean had(String id) {
        return lastId != null && StreamEntryIds.compare(id, lastId) <= 0 && !recent.missing(id);
    }

    /** Whether the message comes right after the last id: each names the id of the event before it. */
    boolean followsOn(RedisEvents.Message message) {
        return message.previousId().equals(lastId == null ? "" : lastId);
    }

    /**
     * What a catch-up after {@code from} found: the newest entry the stream had at or before it, and whether there
     * was any after it.
     */
    Check check(@Nullable String from, @Nullable String atOrBefore, boolean nothingAfter) {
        if (from == null || from.equals(atOrBefore)) {
            return Check.GOES_ON;
        }
        if (atOrBefore == null) { // nothing left up to it: trimmed past it, or gone and made again (if more came)
            return nothingAfter ? Check.GOES_ON : Check.TRIMMED;
        }
        return Check.DIVERGED;
    }

    /** The oldest id kept, from which to ask Redis which of the recent ones it still has. */
    @Nullable
    String oldestKept() {
        return recent.oldest();
    }

    /** How many ids are kept. */
    int kept() {
        return recent.size();
    }

    /**
     * The stream no longer has the last id: given the ids Redis has from the oldest kept up to it, and the newest
     * entry it had at or before it, goes back to the last entry both have, and the topic is told before its next
     * events. That entry is the newest kept one Redis still has; if it has none of them, nor anything else in their
     * span, the new master went on from an entry before them all, the newest it has there. If it has entries in their
     * span but none of them, a new master whose clock is behind wrote them there, and where it went on is not sure:
     * the node starts again from the latest entries, as a node new to the topic (its clients resume by the gap policy,
     * never skipping those entries).
     */
    void diverged(List<String> inRedis, String atOrBefore) {
        String from = lastId;
        int kept = recent.size();
        String common = recent.lastCommon(inRedis);
        String why = ": a failover promoted a replica that had not received them (asynchronous replication;"
                + " RedisBrokerBuilder.waitForReplicas makes a publish wait for a replica)";
        if (common != null) {
            int lost = 0;
            for (int i = kept - 1; i >= 0 && !recent.get(i).equals(common); i--) {
                lost++;
            }
            recent.keepUpTo(common);
            lastId = common;
            lost("Redis no longer has the last " + lost + " events this node passed (after " + common + ", up to "
                    + from + ")" + why);
        } else if (inRedis.isEmpty()) {
            recent.clear();
            passed(atOrBefore);
            lost("Redis no longer has the last " + kept + " events this node passed, or more (up to " + from
                    + "; the stream goes on after " + atOrBefore + ")" + why);
        } else {
            recent.clear();
            lastId = null;
            lost("Redis no longer has the last " + kept + " events this node passed (up to " + from + "), and has"
                    + " others among them" + why + "; the node reads the latest events again");
        }
    }

    /** Events were lost, for this reason: the topic is told before its next events. */
    void lost(String why) {
        loss = loss == null ? why : loss + "; " + why;
    }

    /** Why events were lost since the topic was last told, or null; told once. */
    @Nullable
    String takeLoss() {
        String why = loss;
        loss = null;
        return why;
    }
}
