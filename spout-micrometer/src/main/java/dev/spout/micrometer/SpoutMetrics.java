package dev.spout.micrometer;

import dev.spout.engine.SpoutEngine;
import dev.spout.engine.SpoutStats;
import dev.spout.engine.topic.Topic;
import dev.spout.engine.topic.TopicStats;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Objects;
import java.util.function.ToDoubleFunction;

/**
 * Binds a Spout application's counters to Micrometer: open streams, heartbeats, slow-client disconnects, rejected
 * streams, and per topic (tag {@code topic}) subscribers, retained history, and events published, delivered, dropped
 * and replayed.
 * Meters read {@link SpoutEngine#stats()} when scraped; nothing is counted twice.
 *
 * <pre>{@code
 * var app = Spout.create();
 * Topic prices = app.topic("prices");
 * new SpoutMetrics(app).bindTo(registry);       // after creating the topics to measure
 * // spout.streams.open, spout.topic.delivered{topic="prices"}, ...
 * }</pre>
 */
public final class SpoutMetrics implements MeterBinder {
    private final SpoutEngine app;

    /** The meters of Spout's engine: {@code Spout}, spout-servlet's {@code ServletSpout} or spout-webflux's {@code WebFluxSpout}. */
    public SpoutMetrics(SpoutEngine app) {
        this.app = Objects.requireNonNull(app, "app");
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("spout.streams.open", app, a -> a.openStreams())
                .description("SSE streams open now")
                .register(registry);
        counter(registry, "spout.heartbeats", "Heartbeat comments written", SpoutStats::heartbeats);
        counter(
                registry,
                "spout.slow.disconnects",
                "Streams ended because the client did not keep up",
                SpoutStats::slowClientDisconnects);
        counter(
                registry,
                "spout.streams.rejected",
                "Streams refused with 503 at a stream limit",
                SpoutStats::rejectedStreams);
        for (Topic topic : app.topics()) {
            bindTopic(registry, topic);
        }
    }

    /** Binds the meters of one topic, for a topic created after {@link #bindTo}. */
    public void bindTopic(MeterRegistry registry, Topic topic) {
        Tags tags = Tags.of("topic", topic.name());
        Gauge.builder("spout.topic.subscribers", topic, Topic::subscribers)
                .tags(tags)
                .description("Streams following the topic on this node")
                .register(registry);
        Gauge.builder("spout.topic.retained", topic, t -> t.stats().retained())
                .tags(tags)
                .description("Events kept in the topic's history for replay")
                .register(registry);
        Gauge.builder("spout.topic.retained.bytes", topic, t -> t.stats().retainedBytes())
                .tags(tags)
                .description("Encoded size of the events kept in the topic's history")
                .baseUnit("bytes")
                .register(registry);
        topicCounter(registry, topic, tags, "spout.topic.published", "Events published", TopicStats::published);
        topicCounter(
                registry,
                topic,
                tags,
                "spout.topic.delivered",
                "Event deliveries written to subscribers",
                TopicStats::delivered);
        topicCounter(
                registry,
                topic,
                tags,
                "spout.topic.dropped",
                "Deliveries skipped by the drop-oldest policy",
                TopicStats::dropped);
        topicCounter(
                registry,
                topic,
                tags,
                "spout.topic.replayed",
                "Deliveries replayed from the history",
                TopicStats::replayed);
    }

    private void counter(MeterRegistry registry, String name, String description, ToDoubleFunction<SpoutStats> value) {
        FunctionCounter.builder(name, app, a -> value.applyAsDouble(a.stats()))
                .description(description)
                .register(registry);
    }

    private static void topicCounter(
            MeterRegistry registry,
            Topic topic,
            Tags tags,
            String name,
            String description,
            ToDoubleFunction<TopicStats> value) {
        FunctionCounter.builder(name, topic, t -> value.applyAsDouble(t.stats()))
                .tags(tags)
                .description(description)
                .register(registry);
    }
}
