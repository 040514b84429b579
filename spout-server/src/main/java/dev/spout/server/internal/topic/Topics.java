package dev.spout.server.internal.topic;

import dev.spout.broker.Broker;
import dev.spout.server.topic.TopicOptions;
import dev.spout.server.topic.TopicStats;
import dev.spout.sse.SseEncoder;
import dev.spout.sse.SseEvent;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/** The topics of an application, by name: created on first use, attached to the broker, expired and closed. */
public final class Topics {
    private final Map<String, LocalTopic> byName = new ConcurrentHashMap<>();
    private final Broker broker;
    private final Executor executor;
    private final long maxQueuedBytes;

    /** Topics on {@code broker}, fanned out on {@code executor}, for subscribers that queue up to that many bytes. */
    public Topics(Broker broker, Executor executor, long maxQueuedBytes) {
        this.broker = broker;
        this.executor = executor;
        this.maxQueuedBytes = maxQueuedBytes;
    }

    /**
     * The topic of that name; created with the options if it is new. With options, it must be new.
     *
     * @throws IllegalStateException if options are given for a topic that exists: its options are set once
     */
    public LocalTopic topic(String name, Consumer<TopicOptions> settings) {
        Objects.requireNonNull(name, "name");
        if (settings == null) {
            return byName.computeIfAbsent(name, key -> create(key, new TopicOptions()));
        }
        var options = new TopicOptions();
        settings.accept(options);
        var created = new boolean[1];
        LocalTopic topic = byName.computeIfAbsent(name, key -> {
            created[0] = true;
            return create(key, options);
        });
        if (!created[0]) {
            throw new IllegalStateException(
                    "The topic " + name + " already exists; its options are set when it is created");
        }
        return topic;
    }

    /** The topic of that name if it exists and is this application's own object. */
    public LocalTopic own(dev.spout.server.topic.Topic topic) {
        Objects.requireNonNull(topic, "topic");
        LocalTopic local = byName.get(topic.name());
        if (local != topic) {
            throw new IllegalArgumentException("The topic " + topic.name() + " belongs to another application");
        }
        return local;
    }

    /**
     * Publishes one event to several topics at once: one id, the same in each, so a stream of more than one of them
     * sends it once. The event cannot carry an id of its own: the broker gives it one that fits every topic's order.
     */
    public CompletableFuture<String> publish(SseEvent event, List<? extends dev.spout.server.topic.Topic> topics) {
        Objects.requireNonNull(event, "event");
        List<LocalTopic> locals = topics.stream().map(this::own).toList();
        if (locals.isEmpty()) {
            throw new IllegalArgumentException("An event is published to at least one topic");
        }
        if (locals.stream().distinct().count() != locals.size()) {
            throw new IllegalArgumentException("The topics name one topic twice: " + locals);
        }
        if (locals.size() == 1) {
            return locals.getFirst().publishAsync(event);
        }
        if (event.id() != null) {
            throw new IllegalArgumentException("An event published to several topics gets one id for all of them from"
                    + " the broker; it cannot carry its own (" + event.id() + ")");
        }
        byte[] encoded = SseEncoder.encodeWithoutId(event);
        locals.forEach(topic -> topic.checkSize(encoded));
        return broker.publish(locals.stream().map(LocalTopic::broker).toList(), event, encoded);
    }

    /** {@link #publish(SseEvent, List)}, waiting for the id. */
    public String publishAndWait(SseEvent event, List<? extends dev.spout.server.topic.Topic> topics) {
        return LocalTopic.await(publish(event, topics), "topics " + topics);
    }

    public List<dev.spout.server.topic.Topic> all() {
        return List.copyOf(byName.values());
    }

    public List<TopicStats> stats() {
        return byName.values().stream().map(LocalTopic::stats).toList();
    }

    /** Drops history older than each topic's age bound. */
    public void expire(long nowMillis) {
        byName.values().forEach(topic -> topic.expire(nowMillis));
    }

    /** Detaches every topic from the broker. */
    public void close() {
        byName.values().forEach(LocalTopic::close);
    }

    private LocalTopic create(String name, TopicOptions options) {
        var topic = new LocalTopic(name, TopicSettings.of(name, options, maxQueuedBytes), executor);
        topic.attach(broker);
        return topic;
    }
}
