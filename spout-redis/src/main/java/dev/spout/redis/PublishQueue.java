package dev.spout.redis;

import dev.spout.broker.TooManyPublishesException;
import dev.spout.broker.internal.log.Logs;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;

/**
 * A node's publishes on its commands connection, within bounds: at most {@code inFlight} sent to Redis and not yet
 * answered (well under Lettuce's request queue, which past its size refuses commands and logs a stack trace for
 * each), the rest waiting in one FIFO of at most {@code waiting} publishes, and at most {@code bytes} of events held,
 * waiting or in flight. Past those bounds a publish fails at once with a {@link TooManyPublishesException}, nothing
 * of it written; refusals are counted, and logged at most once a second.
 *
 * <pre>{@code
 * var publishes = new PublishQueue(redis.commands, new PublishQueue.Bounds(2_000, 100_000, 64 << 20));
 * CompletableFuture<String> id = publishes.submit(RedisScripts.PUBLISH, keys, args, encoded.length);
 * }</pre>
 *
 * <p>One thread of its own sends every publish, in the order they were submitted, so a topic's events reach Redis in
 * the order {@code publishAsync} was called for it: Lettuce hands a command written from outside its event loop to
 * the loop as a task, in order, but writes one on the loop at once, ahead of the tasks still queued; so neither the
 * replies (which arrive on the loop) nor the callers (who may be on it) send. Reads and subscriptions have
 * connections of their own and never wait here.
 *
 * <p>With {@link ReplicaWaits}, a publish stays in flight until enough replicas have it: the sender sends a round of
 * publishes, then one {@code WAIT} behind them on each connection they went to.
 */
final class PublishQueue implements AutoCloseable {
    private static final Logger LOG = Logs.logger(PublishQueue.class);
    private static final long LOG_EVERY_NANOS = 1_000_000_000L;

    /** The bounds: publishes in flight, publishes waiting, bytes of events held in all. */
    record Bounds(int inFlight, int waiting, long bytes) {}

    private final RedisClusterAsyncCommands<String, String> commands;
    private final @Nullable ReplicaWaits waits; // null unless publishes wait for replicas: nothing more per publish
    private final Bounds bounds;
    private final int maxHeld; // in flight and waiting
    private final int lowWater; // answers wake the sender once in flight drops to this: a quarter of it at a time
    private final String tooManyWaiting;
    private final String tooManyBytes;
    private final Queue<Publish> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger held = new AtomicInteger(); // not answered yet: waiting or in flight
    private final AtomicLong heldBytes = new AtomicLong();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger wakeUps = new AtomicInteger(); // non-zero while the sender runs or is due to
    private final ExecutorService sender = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("spout-redis-publish").daemon().factory());
    private final Runnable send = this::send;
    private final AtomicLong loggedNanos = new AtomicLong(System.nanoTime() - LOG_EVERY_NANOS);
    private volatile boolean closed;
    final AtomicLong published = new AtomicLong();
    final AtomicLong failures = new AtomicLong();
    final AtomicLong refused = new AtomicLong();

    PublishQueue(RedisClusterAsyncCommands<String, String> commands, Bounds bounds) {
        this(commands, bounds, null);
    }

    /** Publishes that, with {@code waits}, are answered only once enough replicas have them. */
    PublishQueue(RedisClusterAsyncCommands<String, String> commands, Bounds bounds, @Nullable ReplicaWaits waits) {
        this.commands = commands;
        this.waits = waits;
        this.bounds = bounds;
        this.maxHeld = (int) Math.min(Integer.MAX_VALUE, (long) bounds.inFlight() + bounds.waiting());
        this.lowWater = bounds.inFlight() - Math.max(1, bounds.inFlight() / 4);
        String refusal = "; this event was refused and nothing of it written: publish it again later, or publish more"
                + " slowly (RedisBrokerBuilder.maxPublishesWaiting)";
        this.tooManyWaiting = "Redis is behind: " + bounds.waiting() + " publishes already wait behind the "
                + bounds.inFlight() + " in flight" + refusal;
        this.tooManyBytes = "Redis is behind: the publishes waiting and in flight already hold " + bounds.bytes()
                + " bytes of events" + refusal;
    }

    /**
     * Sends the script with these keys and arguments once its turn comes; completes with what it returns, or with
     * Redis's failure, or at once with a {@link TooManyPublishesException} if the bounds are reached.
     *
     * @param bytes what the event holds in memory until Redis answers (its encoded size, its labels)
     */
    CompletableFuture<String> submit(RedisScripts script, String[] keys, String[] args, long bytes) {
        if (closed) {
            return CompletableFuture.failedFuture(new IllegalStateException("The Redis broker is closed"));
        }
        if (held.getAndIncrement() >= maxHeld) {
            held.decrementAndGet();
            return refuse(tooManyWaiting);
        }
        long before = heldBytes.getAndAdd(bytes);
        if (before > 0 && before + bytes > bounds.bytes()) { // an event alone is never refused for its size
            heldBytes.addAndGet(-bytes);
            held.decrementAndGet();
            return refuse(tooManyBytes);
        }
        var publish = new Publish(script, keys, args, bytes);
        queue.offer(publish);
        // Even with no room in flight: measured, a sender kept awake through a burst sends it sooner.
        wakeSender();
        return publish.result;
    }

    private CompletableFuture<String> refuse(String why) {
        long count = refused.incrementAndGet();
        failures.incrementAndGet();
        long now = System.nanoTime();
        long last = loggedNanos.get();
        if (now - last >= LOG_EVERY_NANOS && loggedNanos.compareAndSet(last, now)) {
            LOG.warn("{} ({} refused so far)", why, count);
        }
        return CompletableFuture.failedFuture(new TooManyPublishesException(why));
    }

    /** Publishes waiting for their turn now. */
    int waiting() {
        return Math.max(0, held.get() - inFlight.get());
    }

    private void wakeSender() {
        if (wakeUps.getAndIncrement() == 0) {
            try {
                sender.execute(send);
            } catch (RejectedExecutionException closing) {
                failWaiting();
            }
        }
    }

    /** On the sender's thread: sends what waits, in order, while there is room in flight. */
    private void send() {
        int missed = 1;
        do {
            Publish next;
            try {
                while (inFlight.get() < bounds.inFlight() && (next = queue.poll()) != null) {
                    inFlight.incrementAndGet();
                    next.start();
                }
            } finally {
                if (waits != null) {
                    waits.flush(); // one WAIT behind the round's publishes, on each connection they went to
                }
            }
            missed = wakeUps.addAndGet(-missed); // woken meanwhile (room in flight, or more waiting): look again
        } while (missed != 0);
    }

    private void failWaiting() {
        for (Publish left; (left = queue.poll()) != null; ) {
            held.decrementAndGet();
            heldBytes.addAndGet(-left.bytes);
            failures.incrementAndGet();
            left.result.completeExceptionally(
                    new IllegalStateException("The Redis broker closed before this event was sent to Redis"));
        }
    }

    @Override
    public void close() {
        closed = true;
        sender.shutdownNow();
        failWaiting();
    }

    /**
     * The failure as the caller sees it: Lettuce fails a command in flight when its connection breaks with the I/O
     * exception itself (a checked {@code SocketException}), which the caller would get wrapped in a bare {@code
     * IllegalStateException}; it is a connection lost before Redis answered, which may or may not have written it.
     */
    private static Throwable asRuntime(Throwable failure) {
        Throwable cause = RedisScripts.cause(failure);
        return cause instanceof RuntimeException || cause instanceof Error
                ? cause
                : new RedisConnectionException(
                        "The connection to Redis broke before it answered this publish (" + cause + "): it may or may"
                                + " not have been written; publish it again with its idempotency key (publishOnce)",
                        cause);
    }

    /** One publish: its script and arguments, what it holds of memory, and what its caller waits on. */
    private final class Publish implements BiConsumer<@Nullable String, @Nullable Throwable> {
        final RedisScripts script;
        final String[] keys;
        final String[] args;
        final long bytes;
        final CompletableFuture<String> result = new CompletableFuture<>();

        Publish(RedisScripts script, String[] keys, String[] args, long bytes) {
            this.script = script;
            this.keys = keys;
            this.args = args;
            this.bytes = bytes;
        }

        void start() {
            CompletableFuture<String> running;
            try {
                running = waits == null ? script.run(commands, keys, args) : waits.send(script, keys, args);
            } catch (RuntimeException refused) { // not connected, say: failed at once, its place in flight freed
                accept(null, refused);
                return;
            }
            running.whenComplete(this);
        }

        /** Redis answered: the next one may go (before the caller's callbacks run), then the caller is told. */
        @Override
        public void accept(@Nullable String id, @Nullable Throwable failure) {
            heldBytes.addAndGet(-bytes);
            held.decrementAndGet();
            if (inFlight.decrementAndGet() <= lowWater && !queue.isEmpty()) {
                wakeSender(); // in batches, not a thread's wake-up per answer
            }
            if (failure == null) {
                published.incrementAndGet();
                result.complete(id);
            } else {
                failures.incrementAndGet();
                result.completeExceptionally(asRuntime(failure));
            }
        }
    }
}
