package dev.spout.engine.internal.topic;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * How an on-demand topic (one a {@link TopicPattern} made) is reclaimed when nothing keeps it, without losing a
 * publish that races with it: a publish counts itself in before it reads {@link #retired}, and {@link #retire} reads
 * the count after setting it, so one of the two always sees the other. A publish that began and ended in between
 * has appended, which {@link #retire} sees when it looks at the topic again. Whoever still holds a retired topic is
 * sent to the topic of its name now.
 */
final class Reclaiming {
    private final LocalTopic topic;
    private final AtomicInteger publishing = new AtomicInteger();
    private volatile boolean retired;

    Reclaiming(LocalTopic topic) {
        this.topic = topic;
    }

    boolean retired() {
        return retired;
    }

    /** A publish begins: the topic is not reclaimed until it ends. Counted before {@link #retired} is read. */
    void publishing() {
        publishing.incrementAndGet();
    }

    void published() {
        publishing.decrementAndGet();
    }

    /** Reclaims the topic if it is still empty, without subscribers and not being published to. */
    boolean retire() {
        synchronized (topic.lock) {
            if (!topic.emptyLocked()) {
                return false;
            }
            retired = true;
        }
        if (publishing.get() == 0) {
            synchronized (topic.lock) { // a publish that began and ended meanwhile has appended by now: seen here
                if (topic.emptyLocked()) {
                    return true;
                }
            }
        }
        retired = false; // a publish (or a subscriber) got in first: it goes ahead here
        return false;
    }
}
