package dev.spout.server;

import dev.spout.sse.SseEncoder;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.eclipse.jetty.io.ByteBufferPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every stream of an application shares: settings, buffers, the thread that fans out, the limits, the
 * counters, and one timer for all heartbeats and history expiry (never a timer per connection).
 */
final class Engine {
    private static final Logger LOG = LoggerFactory.getLogger(Engine.class);
    static final byte[] HEARTBEAT = SseEncoder.comment("");

    static final class Counters {
        final LongAdder heartbeats = new LongAdder();
        final LongAdder slowClientDisconnects = new LongAdder();
        final LongAdder rejectedStreams = new LongAdder();
    }

    final SpoutOptions options;
    final ByteBufferPool pool;
    final Executor executor;
    final StreamRegistry streams = new StreamRegistry();
    final StreamLimits limits;
    final Counters stats = new Counters();
    final Map<String, LocalTopic> topics = new ConcurrentHashMap<>();
    final Sessions sessions;
    private ScheduledExecutorService timer;
    private final java.util.concurrent.atomic.AtomicInteger exchanges = new java.util.concurrent.atomic.AtomicInteger();
    volatile boolean stopping;

    Engine(SpoutOptions options, ByteBufferPool pool, Executor executor) {
        this.options = options;
        this.pool = pool;
        this.executor = executor;
        this.limits = new StreamLimits(options.maxStreams, options.maxStreamsPerAddress);
        this.sessions = new Sessions(options.sessions, options.sessionCookie, streams);
    }

    synchronized void start() {
        if (timer != null) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("spout-timer").daemon().factory());
        long tick = tickMillis();
        timer.scheduleAtFixedRate(this::tick, tick, tick, TimeUnit.MILLISECONDS);
    }

    synchronized void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    /**
     * A quarter of the heartbeat interval or of the write timeout, whichever is shorter, between 50 ms and 1 s:
     * heartbeats and write timeouts are at most that late.
     */
    private long tickMillis() {
        long heartbeat = options.heartbeat.toMillis();
        long quarter = Math.min(heartbeat == 0 ? Long.MAX_VALUE : heartbeat / 4, options.writeTimeout.toMillis() / 4);
        return Math.clamp(quarter, 50, 1000);
    }

    private void tick() {
        try {
            long now = System.nanoTime();
            long heartbeat = options.heartbeat.toNanos();
            long writeTimeout = options.writeTimeout.toNanos();
            streams.forEach(stream -> {
                if (heartbeat > 0) {
                    stream.heartbeatIfIdle(now, heartbeat);
                }
                stream.checkWriteTimeout(now, writeTimeout);
            });
            long wallNow = System.currentTimeMillis();
            topics.values().forEach(topic -> topic.expire(wallNow));
        } catch (RuntimeException failure) {
            LOG.error("The heartbeat timer failed; it will run again at the next tick", failure);
        }
    }

    /** The topic of that name; created with the options if it is new, else an error if options were given. */
    LocalTopic topic(String name, java.util.function.Consumer<TopicOptions> settings) {
        java.util.Objects.requireNonNull(name, "name");
        if (settings == null) {
            return topics.computeIfAbsent(name, key -> newTopic(key, new TopicOptions()));
        }
        var topicOptions = new TopicOptions();
        settings.accept(topicOptions);
        var created = new boolean[1];
        LocalTopic topic = topics.computeIfAbsent(name, key -> {
            created[0] = true;
            return newTopic(key, topicOptions);
        });
        if (!created[0]) {
            throw new IllegalStateException(
                    "The topic " + name + " already exists; its options are set when it is created");
        }
        return topic;
    }

    private LocalTopic newTopic(String name, TopicOptions topicOptions) {
        if (topicOptions.maxEventBytes < 0) {
            topicOptions.maxEventBytes = (int) Math.min(TopicOptions.DEFAULT_MAX_EVENT_BYTES, options.maxQueuedBytes);
        } else if (topicOptions.maxEventBytes > options.maxQueuedBytes) {
            throw new IllegalArgumentException("Topic " + name + " would take events of up to "
                    + topicOptions.maxEventBytes + " bytes, more than a subscriber may have queued ("
                    + options.maxQueuedBytes + ", SpoutOptions.maxQueuedBytes): one such event would cut off "
                    + "every subscriber");
        }
        var topic = new LocalTopic(name, topicOptions, this);
        topic.attach(options.broker);
        return topic;
    }

    /** A stream's HTTP exchange started; {@link #exchangeEnded()} follows when its last byte is written. */
    void exchangeStarted() {
        exchanges.incrementAndGet();
    }

    void exchangeEnded() {
        if (exchanges.decrementAndGet() == 0) {
            synchronized (exchanges) {
                exchanges.notifyAll();
            }
        }
    }

    /** Waits until every stream's exchange has completed; false if some are still open at the deadline. */
    boolean awaitExchanges(java.time.Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (exchanges) {
            while (exchanges.get() > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(exchanges, left);
            }
        }
        return true;
    }

    SpoutStats snapshot() {
        List<TopicStats> topicStats =
                topics.values().stream().map(LocalTopic::stats).toList();
        return new SpoutStats(
                streams.size(),
                stats.heartbeats.sum(),
                stats.slowClientDisconnects.sum(),
                stats.rejectedStreams.sum(),
                topicStats);
    }
}
