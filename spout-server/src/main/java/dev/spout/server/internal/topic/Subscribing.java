package dev.spout.server.internal.topic;

import dev.spout.broker.StoredEvent;
import dev.spout.server.topic.Replay;
import dev.spout.server.topic.ReplayGap;
import dev.spout.sse.SseEncoder;
import dev.spout.sse.SseEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where one new subscriber starts, decided so that it gets every event after its {@code Last-Event-ID} exactly
 * once, while publishing goes on, and without I/O or user code under the topic's lock.
 *
 * <p>Under the lock: a new client starts at the head (or a few entries back); an id found in the history starts
 * right after it. Both are atomic with appends, so nothing can fall between replay and live. An id the history does
 * not hold needs the broker (a round trip, for Redis) or the gap handler (user code): the head at that moment is
 * noted, the lock let go, and the missing part found outside it. The subscriber then follows from the noted head,
 * under the lock again: entries appended meanwhile are all linked after it, so none is lost and none comes twice.
 */
final class Subscribing {
    private static final Logger LOG = LoggerFactory.getLogger(Subscribing.class);

    private final LocalTopic topic;
    private final Subscriber subscriber;
    private final List<byte[]> first = new ArrayList<>(2);

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

    /** Outside the lock: what the client missed before {@code headThen}, queued first; where it goes on from. */
    private Entry catchUp(String lastEventId, Entry headThen, Entry oldestThen) {
        if (headThen.id != null) {
            Optional<List<StoredEvent>> missed = fromBroker(lastEventId, headThen.id);
            if (missed.isPresent()) {
                for (StoredEvent stored : missed.get()) {
                    first.add(SseEncoder.withId(stored.id(), SseEncoder.encodeWithoutId(stored.event())));
                }
                return headThen; // everything up to the noted head came from the broker, in order
            }
        }
        return switch (decide(lastEventId, headThen, oldestThen)) {
            case Replay.History h -> oldestThen == null ? headThen : Entry.before(oldestThen);
            case Replay.LiveOnly l -> headThen;
            case Replay.Snapshot s -> {
                for (int i = 0; i < s.events().size(); i++) {
                    SseEvent event = s.events().get(i);
                    boolean last = i == s.events().size() - 1;
                    first.add(SseEncoder.encode(last && headThen.id != null ? event.withId(headThen.id) : event));
                }
                yield headThen;
            }
        };
    }

    private Optional<List<StoredEvent>> fromBroker(String lastEventId, String upToId) {
        try {
            return topic.broker().readRange(lastEventId, upToId);
        } catch (RuntimeException failure) {
            LOG.warn("Topic {} could not read missed events from its broker: {}", topic.name(), failure.toString());
            return Optional.empty();
        }
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

    /** Under the topic's lock: the subscriber follows from the position, and joins the fan-out. */
    private void attach(Entry position) {
        if (!subscriber.follow(topic, position, first)) {
            return; // the client left before it could subscribe
        }
        topic.fanOut.add(subscriber);
        int replayed = 0;
        for (Entry e = position; e != topic.head(); e = e.next) {
            replayed++;
        }
        topic.replayed.add(replayed);
    }
}
