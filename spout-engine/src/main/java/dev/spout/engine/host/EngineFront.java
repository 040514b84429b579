package dev.spout.engine.host;

import dev.spout.broker.BrokerHealth;
import dev.spout.engine.SpoutEngine;
import dev.spout.engine.SpoutStats;
import dev.spout.engine.topic.Topic;
import dev.spout.engine.topic.TopicOptions;
import dev.spout.sse.SseEvent;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * What the front door of every host (Spout, {@code ServletSpout}, {@code WebFluxSpout}) does the same way: the
 * {@link SpoutEngine} methods, on the {@link EngineHost} it was made with, written once.
 *
 * <pre>{@code
 * public final class MyHostSpout extends EngineFront {
 *     private MyHostSpout(HostedOptions options) { super(EngineHost.with(options).start()); }
 *     public void stream(MyRequest request, Topic topic) { ... host().admit(...) ... }
 * }
 * }</pre>
 */
public abstract class EngineFront implements SpoutEngine {
    private final EngineHost host;

    /** The front door of this engine. */
    protected EngineFront(EngineHost host) {
        this.host = host;
    }

    /** The engine, for the host's admission and streams. */
    protected final EngineHost host() {
        return host;
    }

    /** The topic of that name, created with the default options if it is new. */
    @Override
    public Topic topic(String name) {
        return host.topic(name);
    }

    /** The topic of that name, created with these options if it is new. */
    @Override
    public Topic topic(String name, Consumer<TopicOptions> settings) {
        return host.topic(name, settings);
    }

    /** Publishes one event to several topics with one id in all of them; returns the id once it is stored. */
    @Override
    public String publish(SseEvent event, List<? extends Topic> topics) {
        return host.publish(event, topics);
    }

    /** {@link #publish(SseEvent, List)} without waiting. */
    @Override
    public CompletableFuture<String> publishAsync(SseEvent event, List<? extends Topic> topics) {
        return host.publishAsync(event, topics);
    }

    /** Publishes one event to several topics once per idempotency key; returns its id, or the first publish's. */
    @Override
    public String publishOnce(String key, SseEvent event, List<? extends Topic> topics) {
        return host.publishOnce(key, event, topics);
    }

    /** {@link #publishOnce(String, SseEvent, List)} without waiting. */
    @Override
    public CompletableFuture<String> publishOnceAsync(String key, SseEvent event, List<? extends Topic> topics) {
        return host.publishOnceAsync(key, event, topics);
    }

    @Override
    public BrokerHealth brokerHealth() {
        return host.brokerHealth();
    }

    /** The number of streams open now. */
    @Override
    public int openStreams() {
        return host.openStreams();
    }

    /** Counters and gauges: streams, heartbeats, slow clients, and per topic published, delivered, dropped, replayed. */
    @Override
    public SpoutStats stats() {
        return host.stats();
    }

    /** The topics, in no particular order. */
    @Override
    public List<Topic> topics() {
        return host.topics();
    }

    /**
     * Stops gracefully: no new streams (503 with Retry-After), every stream ended cleanly after what is queued for
     * it, waiting at most the shutdown timeout, then the broker and the threads are released.
     */
    @Override
    public void close() {
        host.close();
    }
}
