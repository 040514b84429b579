package dev.spout.engine.internal.topic;

import dev.spout.broker.internal.log.Logs;
import dev.spout.engine.topic.Replay;
import dev.spout.engine.topic.ReplayGap;
import dev.spout.sse.SseEncoder;
import dev.spout.sse.SseEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;

/**
 * Where one new subscriber starts, decided so that it gets every event after its {@code Last-Event-ID} exactly
 * once, while publishing goes on, and without I/O or user code under the topic's lock.
 *
 * <p>Under the lock: a new client starts at the head (or a few entries back); an id found in the history starts
 * right after it. Both are atomic with appends, so nothing can fall between replay and live. An id the history does
 * not hold needs the broker (a round trip, for Redis) or the gap handler (user code): the head at that moment is
 * noted, the lock let go, and the missing part found outside it. The subscriber then follows from the noted head,
 * under the lock again: entries appended meanwhile are all linked after it, so none is lost and none comes twice.
 *
 * <p>A stream of several topics remembers its place in each as an anchor and a count ({@link #startAt}): the
 * {@code total}-th event after the anchor id, or after the topic's beginning for an empty anchor.
 */
final class Subscribing {
    private static final Logger LOG = Logs.logger(Subscribing.class);

    private final LocalTopic topic;
    private final Subscriber subscriber;
    private final List<byte[]> first = new ArrayList<>(2);
    private boolean reclaimed;

    Subscribing(LocalTopic topic, Subscriber subscriber) {
        this.topic = topic;
        this.subscriber = subscriber;
        if (topic.settings.retry() != null) {
            first.add(SseEncoder.retry(topic.settings.retry().toMillis()));
        }
    }

    void start(String lastEventId) {
        Entry headThen;
        Entry oldestThen;
        synchronized (topic.lock) {
            Entry head = topic.head();
            if (lastEventId == null) {
                attach(topic.history.beforeLatest(topic.settings.initialReplay(), head));
                return;
            }
            Entry found = topic.history.find(lastEventId);
            if (found != null || lastEventId.equals(head.id)) {
                attach(found != null ? found : head);
                return;
            }
            headThen = head;
            oldestThen = topic.history.oldest();
        }
        Entry from = catchUp(lastEventId, headThen, oldestThen);
        synchronized (topic.lock) {
            attach(from);
        }
    }

    /**
     * Starts after the {@code total}-th event following {@code anchor} ({@code -1}: just before the anchor event;
     * an empty anchor: the topic's beginning). What neither the history nor the broker can place goes to the gap
     * handler, which is told the client's {@code reported} id.
     */
    void startAt(String anchor, long total, String reported) {
        Entry headThen;
        Entry oldestThen;
        synchronized (topic.lock) {
            Entry head = topic.head();
            Entry from = locally(anchor, total, head);
            if (from != null) {
                attach(from);
                return;
            }
            headThen = head;
            oldestThen = topic.history.oldest();
        }
        Entry from;
        if (headThen.id == null) { // nothing on this node yet: only a count of none can be placed
            from = total == 0 ? headThen : gap(reported, headThen, oldestThen);
        } else if (anchor.isEmpty() && total == 0) {
            from = catchUp("", reported, headThen, oldestThen); // everything from the beginning
        } else {
            Optional<String> lastId = idAt(anchor, total, headThen);
            if (lastId.isPresent()) {
                start(lastId.get()); // a concrete id now: the history, the broker or the gap handler as usual
                return;
            }
            from = gap(reported, headThen, oldestThen);
        }
        synchronized (topic.lock) {
            attach(from);
        }
    }

    /** Where the gap handler says, for a client whose id names no place. */
    void startUnplaced(String reported) {
        Entry headThen;
        Entry oldestThen;
        synchronized (topic.lock) {
            headThen = topic.head();
            oldestThen = topic.history.oldest();
        }
        Entry from = gap(reported, headThen, oldestThen);
        synchronized (topic.lock) {
            attach(from);
        }
    }

    /** Under the lock: the position the anchor and count name, if the history can tell, else null. */
    private Entry locally(String anchor, long total, Entry head) {
        Entry at;
        if (anchor.isEmpty()) {
            if (!topic.broker().beginsAtAttach() || !topic.history.holdsAll()) {
                return null;
            }
            Entry oldest = topic.history.oldest();
            at = oldest == null ? head : Entry.before(oldest); // with nothing ever forgotten: the beginning
        } else {
            Entry found = anchor.equals(head.id) ? head : topic.history.find(anchor);
            if (found == null) {
                return null;
            }
            if (total < 0) {
                return Entry.before(found);
            }
            at = found;
        }
        for (long i = 0; i < total; i++) {
            if (at.next == null) {
                return null; // more than the topic has: a forged id, or one from a node ahead of this one
            }
            at = at.next;
        }
        return at;
    }

    /** Outside the lock: the id of the {@code total}-th event after the anchor, from the broker, if it holds it. */
    private Optional<String> idAt(String anchor, long total, Entry headThen) {
        if (total < 0) {
            return Optional.empty();
        }
        if (total == 0) {
            return Optional.of(anchor);
        }
        return Backlog.idAfter(topic, anchor, total, headThen);
    }

    private Entry catchUp(String lastEventId, Entry headThen, Entry oldestThen) {
        return catchUp(lastEventId, lastEventId, headThen, oldestThen);
    }

    /**
     * Outside the lock: where the client goes on from, with what it missed before {@code headThen} linked before
     * it; the gap handler (told the {@code reported} id) decides when the broker cannot say.
     */
    private Entry catchUp(String lastEventId, String reported, Entry headThen, Entry oldestThen) {
        if (headThen.id != null) {
            // What the broker still has up to the noted head, a page at a time, linked before the topic's own.
            Entry missed = Backlog.start(topic, subscriber, lastEventId, headThen);
            if (missed != null) {
                return missed;
            }
        }
        return gap(reported, headThen, oldestThen);
    }

    /** Outside the lock: where the gap handler's decision starts the client, with its snapshot queued first. */
    private Entry gap(String lastEventId, Entry headThen, Entry oldestThen) {
        return switch (decide(lastEventId, headThen, oldestThen)) {
            case Replay.History h -> oldestThen == null ? headThen : Entry.before(oldestThen);
            case Replay.LiveOnly l -> headThen;
            case Replay.Snapshot s -> {
                boolean ids = subscriber.writesTopicIds() && headThen.id != null;
                for (int i = 0; i < s.events().size(); i++) {
                    SseEvent event = s.events().get(i);
                    boolean last = i == s.events().size() - 1;
                    first.add(SseEncoder.encode(last && ids ? event.withId(headThen.id) : event));
                }
                yield headThen;
            }
        };
    }

    private Replay decide(String lastEventId, Entry headThen, Entry oldestThen) {
        String reference = oldestThen != null ? oldestThen.id : headThen.id;
        boolean older = EventIds.compare(lastEventId, reference).orElse(0) < 0;
        var gap = new ReplayGap(
                topic.name(),
                lastEventId,
                older ? ReplayGap.Kind.OLDER_THAN_HISTORY : ReplayGap.Kind.UNKNOWN,
                Optional.ofNullable(oldestThen).map(e -> e.id),
                subscriber.request());
        try {
            return topic.settings.gapHandler().onGap(gap);
        } catch (RuntimeException failure) {
            LOG.error(
                    "The replay gap handler of topic {} failed; replaying the history instead", topic.name(), failure);
            return Replay.history();
        }
    }

    /** The topic to subscribe to instead if this one was reclaimed before the subscriber could follow it, or null. */
    LocalTopic reclaimedNext() {
        return reclaimed ? topic.owner.successor(topic) : null;
    }

    /** Under the topic's lock: the subscriber follows from the position, and joins the fan-out. */
    private void attach(Entry position) {
        if (topic.retired()) {
            reclaimed = true; // the subscriber starts again on the topic that has the name now
            return;
        }
        if (!subscriber.follow(topic, position, first)) {
            return; // the client left before it could subscribe
        }
        topic.fanOut.add(subscriber);
        int replayed = 0; // up to the head, or the end of a backlog's first page (the others count themselves)
        for (Entry e = position; e != topic.head() && e.next != null; e = e.next) {
            replayed++;
        }
        topic.counters.replayed(replayed);
    }
}
