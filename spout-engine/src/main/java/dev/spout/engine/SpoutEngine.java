package dev.spout.engine;

import dev.spout.broker.Broker;
import dev.spout.broker.BrokerHealth;
import dev.spout.engine.topic.Topic;
import dev.spout.engine.topic.TopicOptions;
import dev.spout.sse.SseEvent;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Spout's engine wherever it runs: its topics, publishing, and its counters. {@code Spout} (on its own server) is
 * one, and so are spout-servlet's {@code ServletSpout} (in a Servlet container) and spout-webflux's {@code
 * WebFluxSpout} (in Spring WebFlux): code that only publishes, or measures, depends on this and runs on any.
 *
 * <pre>{@code
 * final class Prices {
 *     private final Topic topic;
 *     Prices(SpoutEngine spout) { topic = spout.topic("prices"); }
 *     void changed(String json) { topic.publish(json); }
 * }
 * }</pre>
 */
public interface SpoutEngine extends AutoCloseable {

    /** The topic of that name, created with the default options on first use. */
    Topic topic(String name);

    /**
     * Creates a topic with adjusted options (history, authorization, replay).
     *
     * @throws IllegalStateException if the topic already exists: its options are fixed at creation
     */
    Topic topic(String name, Consumer<TopicOptions> settings);

    /**
     * Publishes one event to several topics with one id in all of them (a stream of several of them gets it once),
     * and returns that id once the broker has stored it.
     */
    String publish(SseEvent event, List<? extends Topic> topics);

    /** {@link #publish(SseEvent, List)} without waiting for a distributed broker. */
    CompletableFuture<String> publishAsync(SseEvent event, List<? extends Topic> topics);

    /**
     * {@link #publish(SseEvent, List)} once per idempotency key ({@link Topic#publishOnce}): if any of the topics had a
     * publish with this key within the broker's window, nothing is published and that publish's id is returned, so a
     * publisher unsure whether its publish happened (with Redis: an error or a timeout) publishes again with the key.
     *
     * <pre>{@code
     * String id = app.publishOnce("order-42", SseEvent.of(json), List.of(orders, audit));
     * }</pre>
     */
    String publishOnce(String key, SseEvent event, List<? extends Topic> topics);

    /** {@link #publishOnce(String, SseEvent, List)} without waiting for a distributed broker. */
    CompletableFuture<String> publishOnceAsync(String key, SseEvent event, List<? extends Topic> topics);

    /** The topics, in no particular order. */
    List<Topic> topics();

    /** The number of SSE streams open right now. */
    int openStreams();

    /** Counters and gauges: streams, heartbeats, slow clients, and per topic published, delivered, dropped, replayed. */
    SpoutStats stats();

    /** Whether the broker works now (see {@link Broker#health()}): for a health check, not a hot path. */
    BrokerHealth brokerHealth();

    /**
     * Stops gracefully, once: new streams are refused, every open one ends cleanly after what is queued for it (so
     * its client reconnects, resuming from its last id), then the broker and the threads are released.
     */
    @Override
    void close();
}
