package dev.spout.server.internal.topic;

import dev.spout.broker.Broker;
import dev.spout.broker.BrokerTopic;
import dev.spout.broker.StoredEvent;
import dev.spout.broker.TopicLog;
import dev.spout.server.stream.EventTooLargeException;
import dev.spout.server.topic.Topic;
import dev.spout.server.topic.TopicStats;
import dev.spout.sse.SseEncoder;
import dev.spout.sse.SseEvent;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.LongAdder;

/**
 * A topic on this node: the broker delivers its events here in order; each becomes an {@link Entry}, linked after
 * the previous one and kept in the {@link History} while its bounds allow. Subscribers follow the list from their
 * own position, and the {@link FanOut} tells them when it grows. Where a new subscriber starts is decided by {@link
 * Subscribing}, with the lock held only for the moments that must be atomic with appends.
 *
 * <p>An event is encoded once, at publish (which refuses what cannot be written or is too big); the broker carries
 * the bytes to {@link #append}, which only adds the id.
 */
public final class LocalTopic implements Topic, TopicLog {
    private final String name;
    final TopicSettings settings;
    private BrokerTopic broker;
    private final LongAdder published = new LongAdder();
    private final LongAdder delivered = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    final LongAdder replayed = new LongAdder();

    final Object lock = new Object();
    private volatile Entry head = Entry.start();
    final History history;
    final FanOut fanOut;

    LocalTopic(String name, TopicSettings settings, Executor executor) {
        this.name = name;
        this.settings = settings;
        this.history = new History(settings);
        this.fanOut = new FanOut(name, executor, () -> head);
    }

    void attach(Broker broker) {
        this.broker = broker.attach(name, this);
    }

    @Override
    public String name() {
        return name;
    }

    public TopicSettings settings() {
        return settings;
    }

    @Override
    public String publish(SseEvent event) {
        return await(publishAsync(event), "topic " + name);
    }

    /** The id the publishing completes with; a failure is thrown as it is, or wrapped if it is checked. */
    static String await(CompletableFuture<String> publishing, String where) {
        try {
            return publishing.join();
        } catch (CompletionException failed) {
            if (failed.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("Publishing to " + where + " failed", failed.getCause());
        }
    }

    @Override
    public CompletableFuture<String> publishAsync(SseEvent event) {
        Objects.requireNonNull(event, "event");
        // Encoded once, here: what cannot be written, or is too big, is refused before it enters the topic's order,
        // and the bytes travel with the event to append, which only adds the id.
        byte[] encoded = SseEncoder.encodeWithoutId(event);
        checkSize(encoded);
        return broker.publish(event, encoded);
    }

    /** Refuses an event that, encoded, is bigger than this topic takes. */
    void checkSize(byte[] encoded) {
        if (encoded.length > settings.maxEventBytes()) {
            throw new EventTooLargeException(
                    "topic " + name, encoded.length, settings.maxEventBytes(), "TopicOptions.maxEventBytes");
        }
    }

    @Override
    public void append(StoredEvent stored) {
        Entry event = Entry.of(stored, name); // outside the lock: only the running byte count needs it
        synchronized (lock) {
            var entry = event.at(head.end + event.bytes.length);
            head.next = entry;
            head = entry;
            history.add(entry);
        }
        published.increment();
        fanOut.request();
    }

    @Override
    public String lastId() {
        return head.id;
    }

    /** The newest entry: where a subscriber that has written everything stands. */
    public Entry head() {
        return head;
    }

    /**
     * Subscribes, starting after {@code lastEventId} (null for a new client): exactly after it if the history (or
     * the broker) still holds it, else as the topic's replay gap handler decides.
     */
    public void subscribe(Subscriber subscriber, String lastEventId) {
        new Subscribing(this, subscriber).start(lastEventId);
    }

    /**
     * Subscribes after the {@code total}-th event following the event {@code anchor} (empty: following the topic's
     * beginning; a total of -1: just before the anchor), as a stream of several topics remembers its place. What
     * cannot be placed exactly goes to the replay gap handler, told the client's {@code reported} id.
     */
    public void subscribeAt(Subscriber subscriber, String anchor, long total, String reported) {
        new Subscribing(this, subscriber).startAt(anchor, total, reported);
    }

    /**
     * Subscribes where no place can be found for the client's id (forged, or its record gone): the replay gap
     * handler decides, told the {@code reported} id.
     */
    public void subscribeUnplaced(Subscriber subscriber, String reported) {
        new Subscribing(this, subscriber).startUnplaced(reported);
    }

    /**
     * Under the topic's lock, like a subscription's start: a stream that ends while it subscribes is either not
     * added (it is closed when it would follow) or added before and removed here, never left behind.
     */
    public void unsubscribe(Subscriber subscriber) {
        synchronized (lock) {
            fanOut.remove(subscriber);
        }
    }

    /** Deliveries written to subscribers; counted by them as their writes complete. */
    public void delivered(int events) {
        delivered.add(events);
    }

    /** Deliveries skipped by the drop-oldest slow-client policy. */
    public void dropped(int events) {
        dropped.add(events);
    }

    /** Drops history entries older than the age bound. */
    void expire(long nowMillis) {
        synchronized (lock) {
            history.expire(nowMillis);
        }
    }

    /** The events between {@code afterId} and {@code upToId}, if the broker still holds them all; may block. */
    BrokerTopic broker() {
        return broker;
    }

    @Override
    public int subscribers() {
        return fanOut.size();
    }

    @Override
    public TopicStats stats() {
        int retained;
        long bytes;
        synchronized (lock) {
            retained = history.size();
            bytes = history.bytes();
        }
        return new TopicStats(
                name, fanOut.size(), published.sum(), delivered.sum(), dropped.sum(), replayed.sum(), retained, bytes);
    }

    void close() {
        broker.close();
    }

    @Override
    public String toString() {
        return "Topic[" + name + "]";
    }
}
