package dev.spout.broker;

import dev.spout.sse.SseEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * The default broker: each topic's order is kept in this process, and publishing delivers at once.
 *
 * <p>Ids are decimal numbers that increase by one per event, starting from the time the topic was attached in
 * microseconds since the epoch. So ids never repeat across restarts: a client that reconnects to a restarted
 * server with an id of the previous run is recognized as being before the new history, not confused with a new
 * event that happens to have the same number. An event that carries its own id keeps it. An event published to
 * several topics at once gets the next id of the one furthest ahead, in all of them.
 *
 * <p>A publish with an idempotency key ({@link #publishOnce}) whose key one of its topics had within the window
 * (default 10 minutes) publishes nothing and answers the first publish's id; each topic remembers at most a bounded
 * number of keys (default 10,000), forgetting the oldest first, and forgets them all if the engine reclaims it. A
 * publish here never fails after it happened: an error means nothing was published.
 *
 * <pre>{@code
 * var app = Spout.create(options -> options.broker(new MemoryBroker()));   // the default
 * var app = Spout.create(options -> options.broker(new MemoryBroker(Duration.ofHours(1), 100_000)));
 * }</pre>
 */
public final class MemoryBroker implements Broker {
    private final Checkpoints checkpoints = Checkpoints.inMemory();
    private final long windowNanos;
    private final int keysPerTopic;

    /** A memory broker that remembers idempotency keys for 10 minutes, at most 10,000 per topic. */
    public MemoryBroker() {
        this(Duration.ofMinutes(10), 10_000);
    }

    /**
     * A memory broker that remembers each idempotency key for {@code window}, at most {@code keysPerTopic} of them per
     * topic (past that the oldest is forgotten before its window ends).
     */
    public MemoryBroker(Duration window, int keysPerTopic) {
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("The idempotency window must be positive, got " + window);
        }
        if (keysPerTopic < 1) {
            throw new IllegalArgumentException("keysPerTopic must be at least 1, got " + keysPerTopic);
        }
        this.windowNanos = window.toNanos();
        this.keysPerTopic = keysPerTopic;
    }

    @Override
    public BrokerTopic attach(String topic, TopicLog log) {
        return new Topic(topic, log, System.currentTimeMillis() * 1000);
    }

    @Override
    public CompletableFuture<String> publish(List<BrokerTopic> topics, SseEvent event, byte[] encoded) {
        return publish(null, topics, event, encoded, List.of());
    }

    @Override
    public CompletableFuture<String> publishOnce(
            String key, List<BrokerTopic> topics, SseEvent event, byte[] encoded, List<String> labels) {
        return publish(key, topics, event, encoded, labels);
    }

    /** Under every topic's lock, so that finding the key, appending and remembering it are one step. */
    private CompletableFuture<String> publish(
            @Nullable String key, List<BrokerTopic> topics, SseEvent event, byte[] encoded, List<String> labels) {
        List<Topic> own = new ArrayList<>(topics.size());
        for (BrokerTopic topic : topics) {
            if (!(topic instanceof Topic mine)) {
                return CompletableFuture.failedFuture(
                        new IllegalArgumentException("Not a topic of this broker: " + topic));
            }
            own.add(mine);
        }
        own.sort(Comparator.comparing(t -> t.name)); // one locking order for every caller: no deadlock
        own.forEach(t -> t.lock.lock());
        try {
            long number = 0;
            for (Topic topic : own) {
                if (topic.closed) {
                    return CompletableFuture.failedFuture(new IllegalStateException("The topic is closed"));
                }
                number = Math.max(number, topic.nextId);
            }
            long nanos = System.nanoTime();
            if (key != null) {
                for (Topic topic : own) {
                    String earlier = topic.keys == null ? null : topic.keys.find(key, nanos);
                    if (earlier != null) {
                        return CompletableFuture.completedFuture(earlier); // published already: not again
                    }
                }
            }
            // One topic keeps an id of the event's own, as publish does; several get one from the broker.
            String id = own.size() == 1 && event.id() != null ? event.id() : Long.toString(number);
            List<String> names = own.stream().map(t -> t.name).toList();
            long now = System.currentTimeMillis();
            for (Topic topic : own) {
                topic.nextId = number + 1;
                topic.log.append(new StoredEvent(id, event, now, names, encoded, labels));
                if (key != null) {
                    if (topic.keys == null) {
                        topic.keys = new KeyWindow(windowNanos, keysPerTopic);
                    }
                    topic.keys.remember(key, id, nanos);
                }
            }
            return CompletableFuture.completedFuture(id);
        } finally {
            own.forEach(t -> t.lock.unlock());
        }
    }

    @Override
    public Checkpoints checkpoints() {
        return checkpoints;
    }

    @Override
    public void close() {}

    private static final class Topic implements BrokerTopic {
        private final String name;
        private final TopicLog log;
        private final ReentrantLock lock = new ReentrantLock();
        private long nextId;
        private boolean closed;
        private @Nullable KeyWindow keys; // on its first publish with a key

        Topic(String name, TopicLog log, long firstId) {
            this.name = name;
            this.log = log;
            this.nextId = firstId;
        }

        @Override
        public CompletableFuture<String> publish(SseEvent event, byte[] encoded) {
            return publish(event, encoded, List.of());
        }

        @Override
        public CompletableFuture<String> publish(SseEvent event, byte[] encoded, List<String> labels) {
            lock.lock();
            try {
                if (closed) {
                    return CompletableFuture.failedFuture(new IllegalStateException("The topic is closed"));
                }
                long number = nextId++;
                String id = event.id() != null ? event.id() : Long.toString(number);
                // The engine's bytes travel along: no second encoding.
                log.append(new StoredEvent(id, event, System.currentTimeMillis(), List.of(name), encoded, labels));
                return CompletableFuture.completedFuture(id);
            } finally {
                lock.unlock();
            }
        }

        @Override
        public void close() {
            lock.lock();
            try {
                closed = true;
            } finally {
                lock.unlock();
            }
        }

        @Override
        public boolean beginsAtAttach() {
            return true;
        }

        @Override
        public String toString() {
            return "MemoryBroker.Topic[" + name + "]";
        }
    }
}
