package dev.spout.redis;

import dev.spout.broker.BrokerTopic;
import dev.spout.broker.StoredEvent;
import dev.spout.broker.TopicLog;
import dev.spout.broker.internal.log.Logs;
import dev.spout.sse.SseEvent;
import io.lettuce.core.RedisException;
import io.lettuce.core.StreamMessage;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;

/**
 * One topic as a Redis stream, read by this node only while it has subscribers of it. Following it means
 * subscribing to its channel (on the broker's one pub/sub connection) and catching up from the stream: the latest
 * events for a topic new to the node, else everything after the last id it had. Each message carries the id of the
 * event before it, so a message that does not follow the last one delivered (the node missed some: a dropped
 * connection, a message that overtook a catch-up) starts another catch-up, and messages wait until it is done.
 * Every event reaches the node's log once, in the stream's order.
 *
 * <p>Guarded by its own lock, which is never held during I/O: Redis replies arrive on Lettuce's event loop and only
 * change state and append.
 */
final class RedisTopic implements BrokerTopic {
    private static final Logger LOG = Logs.logger(RedisTopic.class);
    private static final int BATCH = 1000;

    private final RedisBroker broker;
    final String key; // the stream, and the channel its events are announced on
    private final String name;
    private final TopicLog log;
    private final StreamReads reads;

    /** Whether the node reads the topic: it does while it has subscribers of it here, until the topic is closed. */
    private enum Interest {
        IDLE,
        FOLLOWING,
        CLOSED
    }

    /** The catch-up from the stream: none, one under way, or one under way and another wanted once it ends. */
    private enum CatchUp {
        NONE,
        UNDER_WAY,
        WANTED_AGAIN
    }

    private Interest interest = Interest.IDLE;
    private CatchUp catchUp = CatchUp.NONE; // may stay under way while IDLE: its read ends before another starts
    private final HeldMessages held = new HeldMessages();
    private @Nullable String lastId;
    private CompletableFuture<Void> caughtUp = CompletableFuture.completedFuture(null);
    private long wantedNanos;
    private long subscribedNanos;
    private boolean confirmed; // Redis confirmed the channel's subscription since the node last asked for it
    private boolean failing; // the last read failed: logged once, until one succeeds

    RedisTopic(RedisBroker broker, String name, TopicLog log) {
        this.broker = broker;
        this.name = name;
        this.key = broker.keys.key(name);
        this.log = log;
        this.reads = new StreamReads(broker, key, name);
    }

    @Override
    public CompletableFuture<String> publish(SseEvent event, byte[] encoded) {
        return broker.publish(List.of(this), event, encoded, List.of());
    }

    @Override
    public CompletableFuture<String> publish(SseEvent event, byte[] encoded, List<String> labels) {
        return broker.publish(List.of(this), event, encoded, labels);
    }

    String name() {
        return name;
    }

    @Override
    public void follow() {
        CompletableFuture<Void> ready;
        boolean subscribe = false;
        synchronized (this) {
            if (interest == Interest.CLOSED) {
                return;
            }
            wantedNanos = System.nanoTime();
            if (interest == Interest.IDLE) {
                interest = Interest.FOLLOWING;
                caughtUp = new CompletableFuture<>();
                subscribedNanos = wantedNanos;
                confirmed = false;
                subscribe = true;
            }
            ready = caughtUp;
        }
        if (subscribe) {
            broker.subscribe(this); // the subscription's confirmation starts the catch-up
        }
        try {
            ready.get(broker.settings.commandTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException notYet) {
            LOG.warn("Topic {} is not caught up with Redis yet; its events follow when it is", name);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** The channel's subscription is confirmed (first, or again after a reconnect): catch up from the stream. */
    void subscribed() {
        synchronized (this) {
            confirmed = true;
        }
        catchUp();
    }

    /**
     * Asks for the channel's subscription again if the topic is followed: Redis ended it (a shard channel whose slot
     * moved to another master), or the connection it was on came back without it. The sweep asks again until Redis
     * confirms it, and the confirmation starts a catch-up, so nothing published meanwhile is missed.
     */
    void resubscribe() {
        synchronized (this) {
            if (interest != Interest.FOLLOWING) {
                return;
            }
            confirmed = false;
            subscribedNanos = System.nanoTime();
        }
        broker.subscribe(this);
    }

    void message(RedisEvents.Message message) {
        boolean gap = false;
        synchronized (this) {
            if (interest != Interest.FOLLOWING) {
                return;
            }
            if (catchUp != CatchUp.NONE) {
                hold(message);
                return;
            }
            if (HeldMessages.had(message, lastId)) {
                return; // had it already, from a catch-up
            }
            if (HeldMessages.followsOn(message, lastId)) {
                deliver(message.event(), true);
                return;
            }
            hold(message);
            gap = true;
        }
        if (gap) {
            catchUp(); // some message did not come: read them from the stream
        }
    }

    private void hold(RedisEvents.Message message) {
        if (!held.hold(message) && catchUp == CatchUp.UNDER_WAY) {
            catchUp = CatchUp.WANTED_AGAIN; // the ones let go are read from the stream by another catch-up
        }
    }

    private void catchUp() {
        String from;
        synchronized (this) {
            if (interest != Interest.FOLLOWING) {
                return;
            }
            if (catchUp != CatchUp.NONE) {
                catchUp = CatchUp.WANTED_AGAIN;
                return;
            }
            catchUp = CatchUp.UNDER_WAY;
            from = lastId;
        }
        read(from);
    }

    /** Reads the next part of the stream after {@code from} (null: the latest events, for a topic new here). */
    private void read(@Nullable String from) {
        try {
            startRead(from);
        } catch (RedisException refused) { // not connected, or too many commands waiting: a failed read, retried
            caughtUp(from, null, refused);
        }
    }

    private void startRead(@Nullable String from) {
        int preload = Math.max(1, broker.settings.preload()); // at least the last id, to follow on from
        (from == null ? reads.latest(preload) : reads.after(from, BATCH))
                .whenComplete((batch, failure) -> caughtUp(from, batch, failure));
    }

    private void caughtUp(@Nullable String from, StreamReads.@Nullable Batch batch, @Nullable Throwable failure) {
        boolean more = false;
        boolean gapAgain = false;
        synchronized (this) {
            if (interest != Interest.FOLLOWING) {
                catchUp = CatchUp.NONE;
                return;
            }
            if (failure != null) {
                catchUp = CatchUp.NONE;
                broker.readFailures.incrementAndGet();
                if (!failing) {
                    failing = true;
                    LOG.warn("Cannot read {} from Redis ({}); retrying from id {}", key, failure.toString(), lastId);
                }
                broker.retryLater(this::catchUp);
                return;
            }
            if (failing) {
                failing = false;
                LOG.info("Reading {} from Redis again, from id {}", key, lastId);
            }
            List<StreamMessage<String, String>> entries = batch.entries();
            String oldestId = batch.oldestId();
            if (from != null && oldestId != null && StreamEntryIds.compare(oldestId, from) > 0) {
                // before what follows is appended: the node's history up to here is what cannot be trusted
                log.lost("Redis no longer has every event after " + from + " (its oldest is " + oldestId + ")");
            }
            int preload = broker.settings.preload();
            for (int i = 0; i < entries.size(); i++) {
                StreamMessage<String, String> entry = entries.get(i);
                if (lastId != null && StreamEntryIds.compare(entry.getId(), lastId) <= 0) {
                    continue;
                }
                if (from == null && i < entries.size() - preload) {
                    lastId = entry.getId(); // only the place to follow on from, not an event to keep
                    continue;
                }
                deliver(RedisEvents.fromEntry(entry, name), from != null);
            }
            if (from != null && entries.size() == BATCH) {
                more = true;
            } else {
                boolean wantedAgain = catchUp == CatchUp.WANTED_AGAIN;
                catchUp = CatchUp.NONE;
                gapAgain = drain() || wantedAgain;
                caughtUp.complete(null);
            }
        }
        if (more) {
            read(lastId);
        } else if (gapAgain) {
            catchUp();
        }
    }

    /** Delivers the messages that waited and now follow on; true if one does not (another catch-up is needed). */
    private boolean drain() {
        for (RedisEvents.Message next; (next = held.takeNext(lastId)) != null; ) {
            deliver(next.event(), true);
        }
        return !held.isEmpty();
    }

    private void deliver(StoredEvent event, boolean live) {
        lastId = event.id();
        log.append(event);
        if (live) {
            broker.received.incrementAndGet();
            broker.lagMillis.set(Math.max(0, System.currentTimeMillis() - event.timestampMillis()));
        }
    }

    /**
     * The broker's periodic look: a topic without subscribers here for the grace period is no longer read; one
     * whose subscription never got confirmed (Redis was down) is subscribed again.
     */
    void sweep(long now) {
        boolean unsubscribe = false;
        boolean resubscribe = false;
        synchronized (this) {
            if (interest != Interest.FOLLOWING) {
                return;
            }
            if (log.hasSubscribers()) {
                wantedNanos = now;
            } else if (now - wantedNanos > broker.settings.unfollowAfter().toNanos()) {
                interest = Interest.IDLE;
                held.clear();
                caughtUp.complete(null);
                unsubscribe = true;
            }
            if (!unsubscribe && (!confirmed || !caughtUp.isDone()) && now - subscribedNanos > 2_000_000_000L) {
                subscribedNanos = now;
                resubscribe = true;
            }
        }
        if (unsubscribe) {
            broker.unsubscribe(this);
        } else if (resubscribe) {
            broker.subscribe(this);
        }
    }

    synchronized boolean following() {
        return interest == Interest.FOLLOWING;
    }

    @Override
    public CompletableFuture<Optional<List<StoredEvent>>> readPage(String afterId, String upToId, int limit) {
        return reads.page(afterId, upToId, limit);
    }

    @Override
    public void close() {
        boolean wasFollowing;
        synchronized (this) {
            wasFollowing = interest == Interest.FOLLOWING;
            interest = Interest.CLOSED;
            held.clear();
            caughtUp.complete(null);
        }
        broker.detached(this, wasFollowing);
    }
}
