package dev.spout.engine.internal.topic;

import dev.spout.broker.Broker;
import dev.spout.broker.BrokerTopic;
import dev.spout.broker.StoredEvent;
import dev.spout.broker.TopicLog;
import dev.spout.broker.internal.log.Logs;
import dev.spout.engine.stream.EventTooLargeException;
import dev.spout.engine.topic.Topic;
import dev.spout.engine.topic.TopicStats;
import dev.spout.sse.SseEvent;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;

/**
 * A topic on this node: the broker delivers its events here in order; each becomes an {@link Entry}, linked after
 * the previous one and kept in the {@link History} while its bounds allow. Subscribers follow the list from their
 * own position, and the {@link FanOut} tells them when it grows. Where a new subscriber starts is decided by {@link
 * Subscribing}, with the lock held only for the moments that must be atomic with appends.
 *
 * <p>An event is encoded once, at publish ({@link TopicPublishing}, which refuses what cannot be written or is too
 * big); the broker carries the bytes to {@link #append}, which only adds the id.
 */
public final class LocalTopic implements Topic, TopicLog {
    private static final Logger LOG = Logs.logger(LocalTopic.class);
    private final String name;
    final TopicSettings settings;
    private BrokerTopic broker;
    final TopicCounters counters = new TopicCounters();
    final Object lock = new Object();
    private volatile Entry head = Entry.start();
    final History history;
    final FanOut fanOut;
    final Executor executor; // the fan-out's threads, for work a broker's reply starts
    final Topics owner;
    final @Nullable TopicPattern pattern; // the pattern its name matched: then reclaimed when left empty
    private final @Nullable Reclaiming reclaiming; // an on-demand topic's: null for a declared one, never reclaimed
    private final AtomicInteger joining = new AtomicInteger(); // subscribers on their way in: the broker delivers

    LocalTopic(String name, TopicSettings settings, Executor executor, Topics owner, @Nullable TopicPattern pattern) {
        this.name = name;
        this.settings = settings;
        this.history = new History(settings);
        this.fanOut = new FanOut(name, executor, () -> head);
        this.executor = executor;
        this.owner = owner;
        this.pattern = pattern;
        this.reclaiming = pattern == null ? null : new Reclaiming(this);
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
        return Topics.await(publishAsync(event), "topic " + name);
    }

    @Override
    public Optional<String> newestId() {
        return Optional.ofNullable(head().id);
    }

    @Override
    public String publish(SseEvent event, List<String> labels) {
        return Topics.await(publishAsync(event, labels), "topic " + name);
    }

    @Override
    public CompletableFuture<String> publishAsync(SseEvent event) {
        return publishAsync(event, List.of());
    }

    @Override
    public CompletableFuture<String> publishAsync(SseEvent event, List<String> labels) {
        return TopicPublishing.publish(this, null, event, labels);
    }

    @Override
    public String publishOnce(String key, SseEvent event) {
        return Topics.await(publishOnceAsync(key, event), "topic " + name);
    }

    @Override
    public CompletableFuture<String> publishOnceAsync(String key, SseEvent event, List<String> labels) {
        return TopicPublishing.publish(this, IdempotencyKeys.check(key), event, labels);
    }

    /** A publish begins: the topic is not reclaimed until it ends ({@link Reclaiming}). */
    void publishing() {
        if (reclaiming != null) {
            reclaiming.publishing();
        }
    }

    void published() {
        if (reclaiming != null) {
            reclaiming.published();
        }
    }

    boolean retired() {
        return reclaiming != null && reclaiming.retired();
    }

    /**
     * Reclaims the topic if it is on demand and still empty, without subscribers and not being published to; called
     * by its owner with the topic's entry in the owner's map locked, so no one can look it up meanwhile.
     */
    boolean retire() {
        return reclaiming != null && reclaiming.retire();
    }

    /** Whether nothing keeps the topic: no entry in its history and no subscriber. Under the lock. */
    boolean emptyLocked() {
        return fanOut.size() == 0 && history.size() == 0;
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
        counters.published();
        fanOut.request();
    }

    @Override
    public boolean hasSubscribers() {
        return fanOut.size() > 0 || joining.get() > 0;
    }

    @Override
    public void lost(String why) {
        synchronized (lock) {
            history.clear();
        }
        LOG.warn("Topic {} lost events on this node ({}); its streams end and resume by its gap policy", name, why);
        fanOut.endAll(new IllegalStateException("Topic " + name + " lost events on this node: " + why));
    }

    /**
     * A subscriber is on its way in: the broker is told to deliver the topic (and catch up) before the subscriber's
     * place is decided, and not to stop until it has joined or given up.
     */
    void joining() {
        joining.incrementAndGet();
        broker.follow();
    }

    void joined() {
        joining.decrementAndGet();
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
    public void subscribe(Subscriber subscriber, @Nullable String lastEventId) {
        subscribe(subscriber, subscribing -> subscribing.start(lastEventId));
    }

    /**
     * Subscribes after the {@code total}-th event following the event {@code anchor} (empty: following the topic's
     * beginning; a total of -1: just before the anchor), as a stream of several topics remembers its place. What
     * cannot be placed exactly goes to the replay gap handler, told the client's {@code reported} id.
     */
    public void subscribeAt(Subscriber subscriber, String anchor, long total, String reported) {
        subscribe(subscriber, subscribing -> subscribing.startAt(anchor, total, reported));
    }

    /**
     * Subscribes where no place can be found for the client's id (forged, or its record gone): the replay gap
     * handler decides, told the {@code reported} id.
     */
    public void subscribeUnplaced(Subscriber subscriber, String reported) {
        subscribe(subscriber, subscribing -> subscribing.startUnplaced(reported));
    }

    /**
     * The subscriber starts where {@code start} places it on this topic, or, if the topic was reclaimed meanwhile, on
     * the topic that has its name now (placed the same way), with the broker following the topic while it does.
     */
    private void subscribe(Subscriber subscriber, Consumer<Subscribing> start) {
        for (LocalTopic topic = this; topic != null; ) {
            var subscribing = new Subscribing(topic, subscriber);
            topic.joining();
            try {
                start.accept(subscribing);
            } finally {
                topic.joined();
            }
            topic = subscribing.reclaimedNext();
        }
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
        counters.delivered(events);
    }

    /** Deliveries skipped by the drop-oldest slow-client policy. */
    public void dropped(int events) {
        counters.dropped(events);
    }

    /** Drops history entries older than the age bound; returns whether the topic may be reclaimed now. */
    boolean expire(long nowMillis) {
        synchronized (lock) {
            history.expire(nowMillis);
            return reclaiming != null && emptyLocked();
        }
    }

    /** The broker's side of the topic: its history past this node's, and whether it follows the topic. */
    BrokerTopic broker() {
        return broker;
    }

    /** Counted on the topic of this one's name now, if this one was reclaimed and another has taken its place. */
    @Override
    public int subscribers() {
        LocalTopic now = retired() ? owner.existing(name) : null;
        return now == null || now == this ? fanOut.size() : now.subscribers();
    }

    @Override
    public TopicStats stats() {
        LocalTopic now = retired() ? owner.existing(name) : null;
        return now == null || now == this ? ownStats() : now.stats();
    }

    private TopicStats ownStats() {
        int retained;
        long bytes;
        synchronized (lock) {
            retained = history.size();
            bytes = history.bytes();
        }
        return counters.stats(name, fanOut.size(), retained, bytes);
    }

    void close() {
        broker.close();
    }

    @Override
    public String toString() {
        return "Topic[" + name + "]";
    }
}
