package dev.spout.engine.internal.topic;

import dev.spout.broker.Broker;
import dev.spout.broker.BrokerTopic;
import dev.spout.engine.topic.TooManyTopicsException;
import dev.spout.engine.topic.TopicOptions;
import dev.spout.engine.topic.TopicStats;
import dev.spout.sse.SseEncoder;
import dev.spout.sse.SseEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The topics of an application, by name: created on first use (with the options of the first pattern the name
 * matches, or the defaults), attached to the broker, expired, reclaimed and closed.
 *
 * <p>A topic whose name matches a pattern ({@link #pattern}) comes and goes on demand: once it has no subscribers
 * and no history left (expired, or never published to) it is reclaimed at the next expiry pass, leaving the map and
 * its broker, so a million topics created and abandoned leave nothing behind. Whoever still holds it is not
 * affected: publishing or subscribing to it goes to the topic of that name as it is now, created again if need be,
 * and its counts are that topic's. Other topics (the defaults, or options of their own) stay until the end.
 */
public final class Topics {
    private static final long EXPIRY_EVERY_MILLIS = 1000;

    private final Map<String, LocalTopic> byName = new ConcurrentHashMap<>();
    private final List<TopicPattern> patterns = new CopyOnWriteArrayList<>();
    private final Broker broker;
    private final Executor executor;
    private final long maxQueuedBytes;
    private final TopicSettings defaults;
    private long lastExpiry;
    private final java.util.concurrent.atomic.LongAdder reclaimed = new java.util.concurrent.atomic.LongAdder();

    /** Topics on {@code broker}, fanned out on {@code executor}, for subscribers that queue up to that many bytes. */
    public Topics(Broker broker, Executor executor, long maxQueuedBytes) {
        this.broker = broker;
        this.executor = executor;
        this.maxQueuedBytes = maxQueuedBytes;
        this.defaults = TopicSettings.of("(default)", new TopicOptions(), maxQueuedBytes);
    }

    /**
     * The topic of that name; created with the options if it is new. With options, it must be new.
     *
     * @throws IllegalStateException if options are given for a topic that exists: its options are set once
     */
    public LocalTopic topic(String name, Consumer<TopicOptions> settings) {
        Objects.requireNonNull(name, "name");
        if (settings == null) {
            return byName.computeIfAbsent(name, key -> {
                TopicPattern pattern = patternOf(key);
                if (pattern == null) {
                    return create(key, defaults, null);
                }
                if (!pattern.take()) {
                    throw new TooManyTopicsException(
                            key, pattern.pattern(), pattern.settings().maxTopics());
                }
                try {
                    return create(key, pattern.settings(), pattern);
                } catch (RuntimeException failure) {
                    pattern.release();
                    throw failure;
                }
            });
        }
        var options = new TopicOptions();
        settings.accept(options);
        var created = new boolean[1];
        LocalTopic topic = byName.computeIfAbsent(name, key -> {
            created[0] = true;
            return create(key, TopicSettings.of(key, options, maxQueuedBytes), null);
        });
        if (!created[0]) {
            throw new IllegalStateException(
                    "The topic " + name + " already exists; its options are set when it is created");
        }
        return topic;
    }

    /**
     * Options for the topics created on demand from now on whose names match the pattern ({@code *}: one or more
     * characters other than {@code /}); the first matching pattern wins.
     */
    public void pattern(String pattern, Consumer<TopicOptions> settings) {
        var options = new TopicOptions();
        settings.accept(options);
        // One settings object for every topic of the pattern: a topic on demand costs only its own state.
        patterns.add(new TopicPattern(pattern, TopicSettings.of(pattern, options, maxQueuedBytes)));
    }

    private TopicPattern patternOf(String name) {
        for (TopicPattern pattern : patterns) {
            if (pattern.matches(name)) {
                return pattern;
            }
        }
        return null;
    }

    /** The topic of that name if it exists now. */
    LocalTopic existing(String name) {
        return byName.get(name);
    }

    /**
     * This application's topic of that name as it is now: the topic itself, or the one that took its name after it
     * was reclaimed.
     *
     * @throws IllegalArgumentException if it belongs to another application
     */
    public LocalTopic own(dev.spout.engine.topic.Topic topic) {
        Objects.requireNonNull(topic, "topic");
        if (!(topic instanceof LocalTopic local) || local.owner != this) {
            throw new IllegalArgumentException("The topic " + topic.name() + " belongs to another application");
        }
        return local.retired() ? current(local.name()) : local;
    }

    /** The topic of that name now, created again (with the options it was created with) if it was reclaimed. */
    LocalTopic current(String name) {
        return topic(name, null);
    }

    /**
     * Publishes one event to several topics at once: one id, the same in each, so a stream of more than one of them
     * sends it once. The event cannot carry an id of its own: the broker gives it one that fits every topic's order.
     */
    public CompletableFuture<String> publish(SseEvent event, List<? extends dev.spout.engine.topic.Topic> topics) {
        return publish(null, event, topics);
    }

    /**
     * {@link #publish(SseEvent, List)} once per idempotency key: nothing is published if any of the topics had the key
     * within the broker's window, and the id that publish got is the answer.
     */
    public CompletableFuture<String> publishOnce(
            String key, SseEvent event, List<? extends dev.spout.engine.topic.Topic> topics) {
        return publish(IdempotencyKeys.check(key), event, topics);
    }

    private CompletableFuture<String> publish(
            @Nullable String key, SseEvent event, List<? extends dev.spout.engine.topic.Topic> topics) {
        Objects.requireNonNull(event, "event");
        List<LocalTopic> locals = topics.stream().map(this::own).toList();
        if (locals.isEmpty()) {
            throw new IllegalArgumentException("An event is published to at least one topic");
        }
        if (locals.stream().distinct().count() != locals.size()) {
            throw new IllegalArgumentException("The topics name one topic twice: " + locals);
        }
        if (locals.size() == 1) {
            return key == null
                    ? locals.getFirst().publishAsync(event)
                    : locals.getFirst().publishOnceAsync(key, event, List.of());
        }
        if (event.id() != null) {
            throw new IllegalArgumentException("An event published to several topics gets one id for all of them from"
                    + " the broker; it cannot carry its own (" + event.id() + ")");
        }
        byte[] encoded = SseEncoder.encodeWithoutId(event);
        locals.forEach(topic -> topic.checkSize(encoded));
        while (true) {
            locals.forEach(LocalTopic::publishing);
            try {
                if (locals.stream().noneMatch(LocalTopic::retired)) {
                    List<BrokerTopic> targets =
                            locals.stream().map(LocalTopic::broker).toList();
                    return key == null
                            ? broker.publish(targets, event, encoded)
                            : broker.publishOnce(key, targets, event, encoded, List.of());
                }
            } finally {
                locals.forEach(LocalTopic::published);
            }
            locals = locals.stream().map(t -> t.retired() ? successor(t) : t).toList(); // one was reclaimed
        }
    }

    /**
     * The topic of a retired one's name now: while this is still removing it (a moment) the lookup finds it again,
     * and the caller yields and looks once more.
     */
    LocalTopic successor(LocalTopic retired) {
        LocalTopic next = current(retired.name());
        if (next == retired) {
            Thread.yield();
        }
        return next;
    }

    /** The broker every topic is attached to. */
    Broker broker() {
        return broker;
    }

    /** {@link #publishOnce(String, SseEvent, List)}, waiting for the id. */
    public String publishOnceAndWait(String key, SseEvent event, List<? extends dev.spout.engine.topic.Topic> topics) {
        return await(publishOnce(key, event, topics), "topics " + topics);
    }

    /** {@link #publish(SseEvent, List)}, waiting for the id. */
    public String publishAndWait(SseEvent event, List<? extends dev.spout.engine.topic.Topic> topics) {
        return await(publish(event, topics), "topics " + topics);
    }

    public List<dev.spout.engine.topic.Topic> all() {
        return List.copyOf(byName.values());
    }

    /** How many topics there are now. */
    public int size() {
        return byName.size();
    }

    public List<TopicStats> stats() {
        return byName.values().stream().map(LocalTopic::stats).toList();
    }

    /**
     * Drops history older than each topic's age bound, and reclaims the topics on demand left with neither history
     * nor subscribers; at most once a second, however often the timer ticks.
     */
    public void expire(long nowMillis) {
        if (nowMillis - lastExpiry < EXPIRY_EVERY_MILLIS) {
            return;
        }
        lastExpiry = nowMillis;
        List<LocalTopic> reclaimed = new ArrayList<>();
        for (LocalTopic topic : byName.values()) {
            if (topic.expire(nowMillis)) {
                byName.computeIfPresent(topic.name(), (name, now) -> {
                    if (now == topic && topic.retire()) {
                        reclaimed.add(topic);
                        return null;
                    }
                    return now;
                });
            }
        }
        reclaimed.forEach(topic -> topic.pattern.release());
        reclaimed.forEach(LocalTopic::close); // outside the map: a broker's detach may take a round trip
        this.reclaimed.add(reclaimed.size());
    }

    /** How many topics on demand have been reclaimed so far. */
    public long reclaimed() {
        return reclaimed.sum();
    }

    /** Detaches every topic from the broker. */
    public void close() {
        byName.values().forEach(LocalTopic::close);
    }

    private LocalTopic create(String name, TopicSettings settings, TopicPattern pattern) {
        var topic = new LocalTopic(name, settings, executor, this, pattern);
        topic.attach(broker);
        return topic;
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
}
