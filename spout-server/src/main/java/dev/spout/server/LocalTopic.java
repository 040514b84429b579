package dev.spout.server;

import dev.spout.broker.Broker;
import dev.spout.broker.BrokerTopic;
import dev.spout.broker.TopicLog;
import dev.spout.sse.SseEncoder;
import dev.spout.sse.SseEvent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A topic on this node: the broker delivers its events here in order; each is encoded once into an {@link Entry},
 * linked after the previous one and kept in the history while the history's bounds allow. Subscribers follow the
 * list from their own position. Replay is therefore only a matter of where a new subscriber starts, chosen while
 * appends are held off: no event can fall between its replay and its live stream, and none can come twice.
 *
 * <p>After appends, one fan-out pass on the server's thread pool tells every subscriber about the new head; a
 * subscriber that is still writing picks the new entries up when its write completes, in the same next write.
 */
final class LocalTopic implements Topic, TopicLog {
    private static final Logger LOG = LoggerFactory.getLogger(LocalTopic.class);
    private static final EventStream[] NONE = new EventStream[0];

    static final class Counters {
        final LongAdder published = new LongAdder();
        final LongAdder delivered = new LongAdder();
        final LongAdder dropped = new LongAdder();
        final LongAdder replayed = new LongAdder();
    }

    private final String name;
    final TopicOptions options;
    private final Engine engine;
    final Counters stats = new Counters();
    private BrokerTopic broker;

    private final Object lock = new Object();
    private volatile Entry head = Entry.start();
    private final ArrayDeque<Entry> history = new ArrayDeque<>();
    private long retainedBytes; // of the entries in the history, bounded by TopicOptions.historyBytes
    private final HashMap<String, Entry> byId = new HashMap<>();
    private final List<EventStream> subscribers = new ArrayList<>();
    private EventStream[] snapshot = NONE; // guarded by lock; rebuilt when subscribers change
    private boolean subscribersChanged;
    /** 0: no pass; 1: a pass runs or is queued; 2: a pass runs and more was published meanwhile. */
    private final java.util.concurrent.atomic.AtomicInteger fanoutState =
            new java.util.concurrent.atomic.AtomicInteger();

    LocalTopic(String name, TopicOptions options, Engine engine) {
        this.name = name;
        this.options = options;
        this.engine = engine;
    }

    void attach(Broker broker) {
        this.broker = broker.attach(name, this);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String publish(SseEvent event) {
        try {
            return publishAsync(event).join();
        } catch (CompletionException failed) {
            if (failed.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("Publishing to topic " + name + " failed", failed.getCause());
        }
    }

    @Override
    public CompletableFuture<String> publishAsync(SseEvent event) {
        Objects.requireNonNull(event, "event");
        // Encoded once, here: what cannot be written, or is too big, is refused before it enters the topic's order,
        // and the bytes travel with the event to append, which only adds the id.
        byte[] encoded = SseEncoder.encodeWithoutId(event);
        if (encoded.length > options.maxEventBytes) {
            throw new EventTooLargeException(
                    "topic " + name, encoded.length, options.maxEventBytes, "TopicOptions.maxEventBytes");
        }
        return broker.publish(event, encoded);
    }

    @Override
    public void append(String id, SseEvent event, byte[] encoded, long timestampMillis) {
        byte[] bytes = SseEncoder.withId(id, encoded != null ? encoded : SseEncoder.encodeWithoutId(event));
        boolean anyone;
        synchronized (lock) {
            anyone = !subscribers.isEmpty();
            var entry = new Entry(id, bytes, head.end + bytes.length, timestampMillis);
            head.next = entry;
            head = entry;
            if (options.historyCount > 0) {
                history.addLast(entry);
                byId.put(id, entry);
                retainedBytes += bytes.length;
                while (history.size() > options.historyCount || retainedBytes > options.historyBytes) {
                    forget(history.pollFirst());
                }
            }
        }
        stats.published.increment();
        // Without subscribers there is no one to tell (and before start, no pool to tell them with): a stream that
        // subscribes later starts from its own position and writes what it finds.
        if (anyone && requestFanout()) {
            try {
                engine.executor.execute(this::fanout);
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                fanoutState.set(0);
                LOG.debug("Topic {}: the server is stopping, no fan-out", name);
            }
        }
    }

    @Override
    public String lastId() {
        return head.id;
    }

    Entry head() {
        return head;
    }

    /** Subscribes a stream, starting after {@code lastEventId} (null for a new client), and starts it writing. */
    void subscribe(EventStream stream, String lastEventId) {
        List<byte[]> first = new ArrayList<>(2);
        if (options.retry != null) {
            first.add(SseEncoder.retry(options.retry.toMillis()));
        }
        int replayed;
        synchronized (lock) {
            Entry position = lastEventId == null ? initialPosition() : resumePosition(lastEventId, stream, first);
            replayed = 0;
            for (Entry e = position; e != head; e = e.next) {
                replayed++;
            }
            if (!stream.follow(this, position, first)) {
                return; // the client left before it could subscribe
            }
            subscribers.add(stream);
            subscribersChanged = true;
        }
        stats.replayed.add(replayed);
        stream.open();
    }

    void unsubscribe(EventStream stream) {
        synchronized (lock) {
            if (subscribers.remove(stream)) {
                subscribersChanged = true;
            }
        }
    }

    /** Drops history entries older than the age bound. */
    void expire(long nowMillis) {
        long oldestKept = nowMillis - options.historyAge.toMillis();
        synchronized (lock) {
            while (!history.isEmpty() && history.peekFirst().timestampMillis < oldestKept) {
                forget(history.pollFirst());
            }
        }
    }

    @Override
    public int subscribers() {
        synchronized (lock) {
            return subscribers.size();
        }
    }

    @Override
    public TopicStats stats() {
        int subscriberCount;
        int retained;
        long bytes;
        synchronized (lock) {
            subscriberCount = subscribers.size();
            retained = history.size();
            bytes = retainedBytes;
        }
        return new TopicStats(
                name,
                subscriberCount,
                stats.published.sum(),
                stats.delivered.sum(),
                stats.dropped.sum(),
                stats.replayed.sum(),
                retained,
                bytes);
    }

    void close() {
        broker.close();
    }

    /** True if the caller must start a pass; otherwise the running pass is told to go round once more. */
    private boolean requestFanout() {
        while (true) {
            int state = fanoutState.get();
            if (state == 2 || (state == 1 && fanoutState.compareAndSet(1, 2))) {
                return false;
            }
            if (state == 0 && fanoutState.compareAndSet(0, 1)) {
                return true;
            }
        }
    }

    /**
     * One pass at a time per topic: what is published during a pass goes out in the next one, to each subscriber
     * in one write. So the busier the topic, the more events each write carries, without any added wait.
     */
    private void fanout() {
        do {
            fanoutState.set(1);
            Entry newest = head;
            EventStream[] streams;
            synchronized (lock) {
                if (subscribersChanged) {
                    snapshot = subscribers.toArray(NONE);
                    subscribersChanged = false;
                }
                streams = snapshot;
            }
            int shards = Math.min(PARALLELISM, streams.length / SHARD_MIN);
            if (shards < 2) {
                tell(streams, 0, streams.length, newest);
            } else { // a big topic: each core writes to its share of the subscribers, so the last ones wait less
                ShardedPass.run(streams.length, shards, engine.executor, (from, to) -> tell(streams, from, to, newest));
            }
        } while (!fanoutState.compareAndSet(1, 0));
    }

    private static final int PARALLELISM = Runtime.getRuntime().availableProcessors();
    private static final int SHARD_MIN = 256;

    private void tell(EventStream[] streams, int from, int to, Entry newest) {
        for (int i = from; i < to; i++) {
            EventStream stream = streams[i];
            try {
                stream.published(newest);
            } catch (RuntimeException failure) {
                LOG.error("Fan-out of topic {} to {} failed", name, stream, failure);
                stream.closeWith(new CloseReason.ClientGone(failure));
            }
        }
    }

    private void forget(Entry entry) {
        byId.remove(entry.id, entry);
        retainedBytes -= entry.bytes.length;
    }

    /** What the broker still holds between the client's id and this node's head, if it holds all of it. */
    private Optional<List<dev.spout.broker.StoredEvent>> fromBroker(String lastEventId) {
        try {
            return broker.readRange(lastEventId, head.id);
        } catch (RuntimeException failure) {
            LOG.warn("Topic {} could not read missed events from its broker: {}", name, failure.toString());
            return Optional.empty();
        }
    }

    /** A new client starts live, or with the last few events if the topic says so. */
    private Entry initialPosition() {
        if (options.initialReplay == 0 || history.isEmpty()) {
            return head;
        }
        Entry first = null;
        int count = 0;
        for (Iterator<Entry> newest = history.descendingIterator();
                newest.hasNext() && count < options.initialReplay;
                count++) {
            first = newest.next();
        }
        return Entry.before(first);
    }

    /** A returning client starts right after its last event, or as the gap handler decides if that is gone. */
    private Entry resumePosition(String lastEventId, EventStream stream, List<byte[]> first) {
        Entry found = byId.get(lastEventId);
        if (found != null) {
            return found;
        }
        if (lastEventId.equals(head.id)) {
            return head;
        }
        if (head.id != null) {
            Optional<List<dev.spout.broker.StoredEvent>> missed = fromBroker(lastEventId);
            if (missed.isPresent()) {
                for (dev.spout.broker.StoredEvent stored : missed.get()) {
                    first.add(SseEncoder.encode(stored.event().withId(stored.id())));
                }
                return head; // everything up to the head came from the broker, in order; live events follow
            }
        }
        Optional<String> oldest = Optional.ofNullable(history.peekFirst()).map(e -> e.id);
        String reference = oldest.orElse(head.id);
        boolean older = EventIds.compare(lastEventId, reference).orElse(0) < 0;
        var gap = new ReplayGap(
                name,
                lastEventId,
                older ? ReplayGap.Kind.OLDER_THAN_HISTORY : ReplayGap.Kind.UNKNOWN,
                oldest,
                stream.request);
        Replay decision;
        try {
            decision = options.gapHandler.onGap(gap);
        } catch (RuntimeException failure) {
            LOG.error("The replay gap handler of topic {} failed; replaying the history instead", name, failure);
            decision = Replay.history();
        }
        return switch (decision) {
            case Replay.History h -> history.isEmpty() ? head : Entry.before(history.peekFirst());
            case Replay.LiveOnly l -> head;
            case Replay.Snapshot s -> {
                for (int i = 0; i < s.events().size(); i++) {
                    SseEvent event = s.events().get(i);
                    boolean last = i == s.events().size() - 1;
                    first.add(SseEncoder.encode(last && head.id != null ? event.withId(head.id) : event));
                }
                yield head;
            }
        };
    }
}
