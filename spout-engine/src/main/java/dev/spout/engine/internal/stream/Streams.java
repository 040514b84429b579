package dev.spout.engine.internal.stream;

import dev.spout.broker.Checkpoints;
import dev.spout.engine.stream.CloseReason;
import dev.spout.sse.SseEncoder;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.eclipse.jetty.io.ByteBufferPool;

/**
 * What every stream of an application shares: its settings, the buffer pool, the limits, the counters, and the
 * set of open streams, to count them, beat their hearts and end them all when the application stops.
 */
public final class Streams {
    static final byte[] HEARTBEAT = SseEncoder.comment("");

    final StreamSettings settings;
    final ByteBufferPool pool;
    final StreamLimits limits;
    final CheckpointBudget checkpoints; // where streams of several topics keep their places, within bounds
    final LongAdder heartbeats = new LongAdder();
    final LongAdder slowClientDisconnects = new LongAdder();
    final LongAdder rejected = new LongAdder();
    private final Set<EventStream> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger exchanges = new AtomicInteger();
    private volatile boolean stopping;

    public Streams(StreamSettings settings, ByteBufferPool pool, Checkpoints checkpoints) {
        this.settings = settings;
        this.pool = pool;
        this.checkpoints =
                new CheckpointBudget(checkpoints, settings.maxCheckpoints(), settings.maxCheckpointsPerClient());
        this.limits = new StreamLimits(settings.maxStreams(), settings.maxStreamsPerAddress());
    }

    /** The buffers writes are gathered in: the host's pool. */
    public ByteBufferPool pool() {
        return pool;
    }

    void add(EventStream stream) {
        open.add(stream);
    }

    /** Called by the stream's close sequence, before its close listeners run. */
    void remove(EventStream stream) {
        open.remove(stream);
    }

    public int size() {
        return open.size();
    }

    public long heartbeats() {
        return heartbeats.sum();
    }

    public long slowClientDisconnects() {
        return slowClientDisconnects.sum();
    }

    public long rejected() {
        return rejected.sum();
    }

    /** Heartbeats for streams idle for the interval, and the end of streams whose write has stalled too long. */
    public void tick(long nowNanos) {
        long heartbeat = settings.heartbeat().toNanos();
        long writeTimeout = settings.writeTimeout().toNanos();
        java.time.Instant wallClock = java.time.Instant.now();
        open.forEach(stream -> {
            if (heartbeat > 0) {
                stream.heartbeatIfIdle(nowNanos, heartbeat);
            }
            stream.checkWriteTimeout(nowNanos, writeTimeout, wallClock);
        });
    }

    /**
     * Ends the streams opened with this session, which has ended (a sign-out, an expiry): they were meant for it
     * alone. {@code session} is what the host registered them with ({@link Opening#register}).
     */
    public void endSession(Object session) {
        for (EventStream stream : open) {
            if (session.equals(stream.session)) {
                stream.closeWith(new CloseReason.SessionEnded());
            }
        }
    }

    /** No more streams: refuses new ones and ends every open one cleanly. */
    public void stopAll() {
        stopping = true;
        for (EventStream stream : List.copyOf(open)) {
            stream.closeWith(new CloseReason.ServerStopping());
        }
    }

    /** Whether the application is stopping: new streams are refused. */
    public boolean stopping() {
        return stopping;
    }

    /**
     * Takes a slot of the stream limits for a new stream from this address; false, counted as a refusal, when the
     * application is stopping or a limit is reached (the request then gets 503 with {@link #retryAfterSeconds()}).
     */
    public boolean tryAdmit(String address) {
        if (stopping || !limits.tryAcquire(address)) {
            rejected.increment();
            return false;
        }
        return true;
    }

    /** A slot taken by {@link #tryAdmit} for a stream that will not open after all is given back. */
    public void abandoned(String address) {
        limits.release(address);
    }

    /** What a refused client is told to wait, in whole seconds: at least one. */
    public long retryAfterSeconds() {
        return Math.max(1, settings.retryAfter().toSeconds());
    }

    /** A stream's HTTP exchange started; {@link #exchangeEnded()} follows when its last byte is written. */
    public void exchangeStarted() {
        exchanges.incrementAndGet();
    }

    public void exchangeEnded() {
        if (exchanges.decrementAndGet() == 0) {
            synchronized (exchanges) {
                exchanges.notifyAll();
            }
        }
    }

    /** Waits until every stream's exchange has completed; false if some are still open at the deadline. */
    public boolean awaitExchanges(Duration timeout) throws InterruptedException {
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
}
