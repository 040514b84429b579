package dev.spout.engine.internal.stream;

import dev.spout.engine.internal.topic.Entry;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;

/**
 * A stream of several topics, and what its event ids say about them. Each topic keeps its own order, each event goes
 * out once (one published to several of them at once is skipped where another topic of the stream has passed it
 * already), and each gets an id of the stream's own ({@link StreamIds}): the key of a checkpoint, the places the
 * stream started from, and how many events of each topic it has passed since. When its checkpoints are saved is its
 * {@link CheckpointSchedule}'s to say; a checkpoint is kept as long as the longest history of the stream's topics, at
 * least an hour. Guarded by the stream's lock, except the saving itself.
 */
final class TopicSet implements Source {
    /** Topics with counts one id may name while a new checkpoint is on its way: keeps ids under 64 characters. */
    static final int MAX_IN_ONE_ID = 12;

    private static final Duration MIN_TTL = Duration.ofHours(1);

    final Follower[] followers; // by topic name: a topic's index in the stream's ids
    final CheckpointSchedule checkpoints;
    private final String[] names;
    private final byte[] payload;
    private final int[] plan;
    private final int idLineMax;
    private int rotation;

    /** A checkpoint being saved: its key, and each topic's count when it was taken. */
    record Save(long key, Checkpoint checkpoint, int[] countsThen) {
        String keyText() {
            return HexFormat.of().toHexDigits(key);
        }
    }

    TopicSet(List<Follower> sortedByName) {
        this.followers = sortedByName.toArray(Follower[]::new);
        this.names = Arrays.stream(followers).map(f -> f.topic.name()).toArray(String[]::new);
        this.payload = new byte[StreamIds.maxPayload(followers.length)];
        this.plan = new int[followers.length];
        this.idLineMax = StreamIds.maxLine(payload.length);
        Duration longestHistory = Arrays.stream(followers)
                .map(f -> f.topic.settings().historyAge())
                .max(Duration::compareTo)
                .orElse(MIN_TTL);
        // Kept as long as any of the topics keeps history: an older place could not be resumed exactly anyway.
        this.checkpoints = new CheckpointSchedule(longestHistory.compareTo(MIN_TTL) > 0 ? longestHistory : MIN_TTL);
    }

    /** The bytes waiting in the topics after the followers' positions. */
    @Override
    public long pendingBytes(@Nullable Entry head) {
        long pending = 0;
        for (Follower f : followers) {
            if (f.position != null) {
                pending += f.bytesUntil(f.topic.head());
            }
        }
        return pending;
    }

    /**
     * Plans the next write: entries up to {@code limit} bytes in all (one even if bigger when {@code atLeastOne}),
     * starting from a different topic each time; returns their size at most. None until the first checkpoint.
     */
    long plan(long limit, boolean atLeastOne) {
        Arrays.fill(plan, 0);
        if (!checkpoints.ready()) {
            return 0;
        }
        long total = 0;
        int counted = 0;
        for (Follower f : followers) {
            counted += f.count > 0 ? 1 : 0;
        }
        for (int j = 0; j < followers.length; j++) {
            int i = (rotation + j) % followers.length;
            Follower f = followers[i];
            Entry next = f.position == null ? null : f.position.next;
            if (next != null && f.count == 0 && !checkpoints.lastSaveFailed()) {
                if (counted >= MAX_IN_ONE_ID) {
                    continue; // after the next checkpoint: the ids would grow long
                }
                counted++;
            }
            for (Entry e = next; e != null; e = e.next) {
                long size = idLineMax + f.size(e);
                if (total + size > limit && (total > 0 || !atLeastOne)) {
                    return total;
                }
                total += size;
                plan[i]++;
            }
        }
        return total;
    }

    /** Writes the planned entries, each with its id; returns how many events went out. */
    int write(ByteBuffer out) {
        int events = 0;
        for (int j = 0; j < followers.length; j++) {
            int i = (rotation + j) % followers.length;
            Follower f = followers[i];
            for (int k = 0; k < plan[i]; k++) {
                Entry e = f.position.next;
                f.pass(e);
                if (e.alsoIn != null && passedElsewhere(f, e)) {
                    continue; // published to several of the stream's topics at once: out once already
                }
                StreamIds.writeLine(out, payload, StreamIds.payload(payload, checkpoints.key(), followers));
                if (f.typeLine != null) {
                    out.put(f.typeLine).put(e.bytes, e.dataOffset, e.bytes.length - e.dataOffset);
                } else {
                    out.put(e.bytes, e.bodyOffset, e.bytes.length - e.bodyOffset);
                }
                f.inFlight++;
                events++;
            }
        }
        rotation = (rotation + 1) % followers.length;
        return events;
    }

    private boolean passedElsewhere(Follower f, Entry e) {
        for (String other : e.alsoIn) {
            int at = Arrays.binarySearch(names, other);
            if (at >= 0 && followers[at] != f && followers[at].passed(e.id)) {
                return true;
            }
        }
        return false;
    }

    /** The written events are out: counted as delivered to their topics. */
    @Override
    public void delivered(int events) {
        for (Follower f : followers) {
            if (f.inFlight > 0) {
                f.topic.delivered(f.inFlight);
                f.inFlight = 0;
            }
        }
    }

    /** Skips the oldest entries, topic by topic, until at most {@code bound} bytes wait with {@code own} others. */
    @Override
    public void dropOldest(long bound, long own, @Nullable Entry ignored) {
        long total = own + pendingBytes(null);
        for (Follower f : followers) {
            Entry head = f.topic.head();
            int dropped = 0;
            while (total > bound && f.position != null && f.position != head) {
                Entry next = f.position.next;
                total -= next.bytes.length;
                f.pass(next);
                dropped++;
            }
            f.topic.dropped(dropped);
        }
    }

    @Override
    public void leave() {
        for (Follower follower : followers) {
            follower.position = null;
        }
    }

    @Override
    public void unsubscribe(EventStream stream) {
        for (Follower follower : followers) {
            follower.topic.unsubscribe(follower);
        }
    }

    @Override
    public @Nullable Object backlogTails() {
        List<Entry> tails = null;
        for (Follower follower : followers) {
            if (Source.endsPage(follower.position)) {
                if (tails == null) {
                    tails = new ArrayList<>(2);
                }
                tails.add(follower.position);
            }
        }
        return tails;
    }

    /** Every topic is subscribed; returns the first checkpoint to save. */
    @Nullable
    Save joined(long now) {
        checkpoints.joined();
        return due(now);
    }

    /** A checkpoint to save now, if one is due (the first, or a renewal) and none is under way; else null. */
    @Nullable
    Save due(long now) {
        int counted = 0;
        for (Follower f : followers) {
            counted += f.count > 0 ? 1 : 0;
        }
        if (!checkpoints.due(now, counted)) {
            return null;
        }
        List<Checkpoint.Place> places = new ArrayList<>(followers.length);
        int[] countsThen = new int[followers.length];
        for (int i = 0; i < followers.length; i++) {
            Follower f = followers[i];
            countsThen[i] = f.count;
            places.add(
                    f.lastPassedId != null
                            ? new Checkpoint.Place(names[i], f.lastPassedId, 0)
                            : new Checkpoint.Place(names[i], f.anchor, f.offset + f.count));
        }
        var save = new Save(ThreadLocalRandom.current().nextLong(), new Checkpoint(places), countsThen);
        checkpoints.saving(save);
        return save;
    }

    /**
     * The save ended: on success the ids count from the new checkpoint. Either way events may go out (after a
     * failed first save, ids name a checkpoint no node has: a client resuming with one gets its topics' gap policy).
     */
    void saved(Save save, boolean succeeded, long now) {
        if (checkpoints.saved(save, succeeded, now)) {
            for (int i = 0; i < followers.length; i++) {
                Follower f = followers[i];
                Checkpoint.Place place = save.checkpoint().places().get(i);
                f.anchor = place.anchor();
                f.offset = place.offset();
                f.count -= save.countsThen()[i];
            }
        }
    }
}
