package dev.spout.engine.internal;

import dev.spout.broker.Broker;
import dev.spout.broker.Checkpoints;
import dev.spout.broker.internal.log.Logs;
import dev.spout.engine.EngineOptions;
import dev.spout.engine.SpoutStats;
import dev.spout.engine.internal.stream.StreamSettings;
import dev.spout.engine.internal.stream.Streams;
import dev.spout.engine.internal.topic.Topics;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.io.ByteBufferPool;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;

/**
 * The engine's parts, whatever hosts it: its streams, its topics, and one timer for all heartbeats, write timeouts
 * and history expiry (never a timer per connection).
 */
public final class Engine {
    private static final Logger LOG = Logs.logger(Engine.class);

    public final Streams streams;
    public final Topics topics;
    private @Nullable ScheduledExecutorService timer;

    public Engine(Streams streams, Topics topics) {
        this.streams = streams;
        this.topics = topics;
    }

    /** The engine of these options, its topics fanned out on {@code fanOut}, its writes gathered from {@code pool}. */
    public static Engine of(EngineOptions<?> options, StreamSettings settings, Executor fanOut, ByteBufferPool pool) {
        var streams = new Streams(settings, pool, checkpoints(options.broker()));
        return new Engine(streams, new Topics(options.broker(), fanOut, options.maxQueuedBytes()));
    }

    /** The streams' part of the options. */
    public static StreamSettings streamSettings(EngineOptions<?> options) {
        return new StreamSettings(
                options.heartbeat(),
                options.writeTimeout(),
                options.maxQueuedBytes(),
                options.slowClients(),
                options.maxStreams(),
                options.maxStreamsPerAddress(),
                options.retryAfter(),
                options.maxCheckpoints(),
                options.maxCheckpointsPerClient());
    }

    /** Where streams of several topics keep their places: the broker's store, or this node's when it has none. */
    public static Checkpoints checkpoints(Broker broker) {
        Checkpoints checkpoints = broker.checkpoints();
        return checkpoints == Checkpoints.none() ? Checkpoints.inMemory() : checkpoints;
    }

    public synchronized void start(StreamSettings settings) {
        if (timer != null) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("spout-timer").daemon().factory());
        long tick = tickMillis(settings);
        timer.scheduleAtFixedRate(this::tick, tick, tick, TimeUnit.MILLISECONDS);
    }

    public synchronized void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    /**
     * The first half of a graceful stop, wherever the engine runs: new streams are refused, every open one ends
     * cleanly after what is queued for it, and this waits up to the timeout for their exchanges to finish.
     */
    public void endStreams(Duration timeout) {
        streams.stopAll();
        try {
            if (!streams.awaitExchanges(timeout)) {
                LOG.warn("Some streams did not end within {}; stopping anyway", timeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The second half: the timer and the topics stop, and the broker is closed. */
    public void release(Broker broker) {
        stop();
        topics.close();
        broker.close();
    }

    public SpoutStats snapshot() {
        return new SpoutStats(
                streams.size(),
                streams.heartbeats(),
                streams.slowClientDisconnects(),
                streams.rejected(),
                topics.stats());
    }

    /**
     * A quarter of the heartbeat interval or of the write timeout, whichever is shorter, between 50 ms and 1 s:
     * heartbeats and write timeouts are at most that late.
     */
    private static long tickMillis(StreamSettings settings) {
        long heartbeat = settings.heartbeat().toMillis();
        long quarter = Math.min(
                heartbeat == 0 ? Long.MAX_VALUE : heartbeat / 4,
                settings.writeTimeout().toMillis() / 4);
        return Math.clamp(quarter, 50, 1000);
    }

    private void tick() {
        try {
            streams.tick(System.nanoTime());
            topics.expire(System.currentTimeMillis());
        } catch (RuntimeException failure) {
            LOG.error("The heartbeat timer failed; it will run again at the next tick", failure);
        }
    }
}
