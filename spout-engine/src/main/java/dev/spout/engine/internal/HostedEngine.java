package dev.spout.engine.internal;

import dev.spout.broker.BrokerHealth;
import dev.spout.broker.internal.log.Logs;
import dev.spout.engine.EngineOptions;
import dev.spout.engine.SpoutEngine;
import dev.spout.engine.SpoutStats;
import dev.spout.engine.internal.stream.StreamSettings;
import dev.spout.engine.topic.Topic;
import dev.spout.engine.topic.TopicOptions;
import dev.spout.sse.SseEvent;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.eclipse.jetty.io.ArrayByteBufferPool;
import org.eclipse.jetty.io.ByteBufferPool;
import org.eclipse.jetty.io.RetainableByteBuffer;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;

/**
 * The engine when another server serves its streams (a Servlet container, Spring WebFlux): its own fan-out threads,
 * its timer on from the start, and the graceful stop. The adapters' front doors ({@code ServletSpout}, {@code
 * WebFluxSpout}) hand their {@link SpoutEngine} methods to it, so both run the engine the same way.
 */
public final class HostedEngine implements SpoutEngine, AutoCloseable {
    private static final Logger LOG = Logs.logger(HostedEngine.class);

    /** The engine's parts, for the adapter's admission and exchanges. */
    public final Engine engine;

    private final EngineOptions<?> options;
    private final QueuedThreadPool fanOut;
    private final AtomicBoolean closed = new AtomicBoolean();

    /** Starts the engine with these stream settings (the options' own, or adjusted for the host). */
    public HostedEngine(EngineOptions<?> options, StreamSettings settings) {
        this.options = options;
        // Topics fan out on a pool of their own: the host's threads are its own, and a pass must never wait for one.
        // Jetty's pool, as on Spout's own server, so all hosts behave the same.
        fanOut = new QueuedThreadPool(Math.max(8, 2 * Runtime.getRuntime().availableProcessors()), 2);
        fanOut.setName("spout-fanout");
        fanOut.setDaemon(true);
        try {
            fanOut.start();
        } catch (Exception failure) {
            throw new IllegalStateException("Cannot start Spout's fan-out threads: " + failure.getMessage(), failure);
        }
        engine = Engine.of(options, settings, fanOut, new HeapBuffers());
        engine.start(settings);
    }

    @Override
    public Topic topic(String name) {
        return engine.topics.topic(name, null);
    }

    @Override
    public Topic topic(String name, Consumer<TopicOptions> settings) {
        return engine.topics.topic(name, Objects.requireNonNull(settings, "settings"));
    }

    /** Topics made on demand from a pattern such as {@code "user/*"}. */
    public void topicPattern(String pattern, Consumer<TopicOptions> settings) {
        engine.topics.pattern(pattern, Objects.requireNonNull(settings, "settings"));
    }

    @Override
    public String publish(SseEvent event, List<? extends Topic> topics) {
        return engine.topics.publishAndWait(event, topics);
    }

    @Override
    public CompletableFuture<String> publishAsync(SseEvent event, List<? extends Topic> topics) {
        return engine.topics.publish(event, topics);
    }

    @Override
    public BrokerHealth brokerHealth() {
        return options.broker().health();
    }

    @Override
    public int openStreams() {
        return engine.streams.size();
    }

    @Override
    public SpoutStats stats() {
        return engine.snapshot();
    }

    @Override
    public List<Topic> topics() {
        return engine.topics.all();
    }

    /** The graceful stop, once: streams end cleanly (within the shutdown timeout), then broker and threads go. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return; // once: a container's lifecycle and a try-with-resources may both close it
        }
        engine.endStreams(options.shutdownTimeout());
        try {
            engine.release(options.broker());
        } finally {
            try {
                fanOut.stop();
            } catch (Exception failure) {
                LOG.warn("Spout's fan-out threads did not stop cleanly", failure);
            }
        }
    }

    /**
     * The pool of a hosted engine's coalesced writes: heap buffers, whatever the pump asks for. A host copies what it
     * is given into buffers of its own (a Servlet container's response buffer, WebFlux's events), so direct memory
     * would gain nothing, and a wrapper's {@code ServletOutputStream.write(ByteBuffer)} left to the Servlet API's
     * default (Spring MVC's is) copies a direct buffer into a new array first, on every write.
     */
    private static final class HeapBuffers extends ByteBufferPool.Wrapper {
        HeapBuffers() {
            super(new ArrayByteBufferPool());
        }

        @Override
        public RetainableByteBuffer.Mutable acquire(int size, boolean direct) {
            return super.acquire(size, false);
        }
    }
}
