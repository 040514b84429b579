package dev.spout.engine.internal.topic;

import dev.spout.broker.internal.log.Logs;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;

/**
 * A topic's subscribers, and how they are told about new entries: one pass at a time per topic, on the server's
 * thread pool. What is published during a pass goes out in the next one, to each subscriber in one write, so the
 * busier the topic, the more events each write carries, without any added wait. A subscriber that is still writing
 * picks the new entries up when its write completes.
 */
final class FanOut {
    private static final Logger LOG = Logs.logger(FanOut.class);
    private static final Subscriber[] NONE = new Subscriber[0];
    private static final int PARALLELISM = Runtime.getRuntime().availableProcessors();
    private static final int SHARD_MIN = 256;

    private final String topic;
    private final Executor executor;
    private final Head head;
    private final Object lock = new Object();
    private final List<Subscriber> subscribers = new ArrayList<>();
    private Subscriber[] snapshot = NONE; // guarded by lock; rebuilt when subscribers change
    private boolean changed;
    private volatile int count;
    /** 0: no pass; 1: a pass runs or is queued; 2: a pass runs and more was published meanwhile. */
    private final AtomicInteger state = new AtomicInteger();

    FanOut(String topic, Executor executor, Head head) {
        this.topic = topic;
        this.executor = executor;
        this.head = head;
    }

    void add(Subscriber subscriber) {
        synchronized (lock) {
            subscribers.add(subscriber);
            changed = true;
            count = subscribers.size();
        }
    }

    void remove(Subscriber subscriber) {
        synchronized (lock) {
            if (subscribers.remove(subscriber)) {
                changed = true;
                count = subscribers.size();
            }
        }
    }

    int size() {
        return count;
    }

    /** Ends every subscriber's stream: the topic can no longer give them what they are owed. */
    void endAll(RuntimeException cause) {
        Subscriber[] all;
        synchronized (lock) {
            all = subscribers.toArray(NONE);
        }
        for (Subscriber subscriber : all) {
            subscriber.failed(cause);
        }
    }

    /**
     * The topic's head has moved: starts a pass to the newest entry unless one is running, which then goes round
     * once more. Without subscribers there is no one to tell: a stream that subscribes later starts from its own
     * position and writes what it finds.
     */
    void request() {
        if (count == 0 || !claim()) {
            return;
        }
        try {
            executor.execute(this::pass);
        } catch (RejectedExecutionException stopping) {
            state.set(0);
            LOG.debug("Topic {}: the server is stopping, no fan-out", topic);
        }
    }

    /** Where a pass reads the newest entry from. */
    @FunctionalInterface
    interface Head {
        Entry newest();
    }

    /** True if the caller must start a pass; otherwise the running pass is told to go round once more. */
    private boolean claim() {
        while (true) {
            int current = state.get();
            if (current == 2 || (current == 1 && state.compareAndSet(1, 2))) {
                return false;
            }
            if (current == 0 && state.compareAndSet(0, 1)) {
                return true;
            }
        }
    }

    private void pass() {
        do {
            state.set(1);
            Entry newest = head.newest();
            Subscriber[] streams;
            synchronized (lock) {
                if (changed) {
                    snapshot = subscribers.toArray(NONE);
                    changed = false;
                }
                streams = snapshot;
            }
            int shards = Math.min(PARALLELISM, streams.length / SHARD_MIN);
            if (shards < 2) {
                tell(streams, 0, streams.length, newest);
            } else { // a big topic: each core writes to its share of the subscribers, so the last ones wait less
                ShardedPass.run(streams.length, shards, executor, (from, to) -> tell(streams, from, to, newest));
            }
        } while (!state.compareAndSet(1, 0));
    }

    private void tell(Subscriber[] streams, int from, int to, Entry newest) {
        for (int i = from; i < to; i++) {
            Subscriber stream = streams[i];
            try {
                stream.published(newest);
            } catch (RuntimeException failure) {
                LOG.error("Fan-out of topic {} to {} failed", topic, stream, failure);
                stream.failed(failure);
            }
        }
    }
}
