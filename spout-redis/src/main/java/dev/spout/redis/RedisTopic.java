package dev.spout.redis;

import dev.spout.broker.BrokerTopic;
import dev.spout.broker.StoredEvent;
import dev.spout.broker.TopicLog;
import dev.spout.broker.internal.log.Logs;
import dev.spout.sse.SseEvent;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;

/**
 * One topic as a Redis stream, read by this node only while it has subscribers of it. Following it means
 * subscribing to its channel (on the broker's one pub/sub connection) and catching up from the stream ({@link
 * TopicCatchUp}): the latest events for a topic new to the node, else everything after the last id it had. Each
 * message carries the id of the event before it, so a message that does not follow the last one delivered (the node
 * missed some: a dropped connection, a message that overtook a catch-up; or a new master's stream after a failover)
 * starts another catch-up, and messages wait until it is done. Every event reaches the node's log once, in the
 * stream's order ({@link TopicDelivery}).
 *
 * <p>Guarded by its own lock (its monitor, shared with its catch-ups), which is never held during I/O: Redis replies
 * arrive on Lettuce's event loop and only change state and append.
 */
final class RedisTopic implements BrokerTopic {
    private static final Logger LOG = Logs.logger(RedisTopic.class);

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

    private Interest interest = Interest.IDLE;
    private final TopicDelivery delivery;
    private final TopicCatchUp catchUps;
    private CompletableFuture<Void> caughtUp = CompletableFuture.completedFuture(null);
    private long wantedNanos;
    private long subscribedNanos;
    private boolean confirmed; // Redis confirmed the channel's subscription since the node last asked for it

    RedisTopic(RedisBroker broker, String name, TopicLog log) {
        this.broker = broker;
        this.name = name;
        this.key = broker.keys.key(name);
        this.log = log;
        this.reads = new StreamReads(broker, key, name);
        this.delivery = new TopicDelivery(broker, log, name);
        this.catchUps = new TopicCatchUp(this, broker, reads, delivery);
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
            subscribeChannel(); // the subscription's confirmation starts the catch-up
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
        catchUps.start();
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
        subscribeChannel();
    }

    /**
     * Subscribes the topic's channel, outside the lock (no I/O under it); if the topic stopped following meanwhile
     * (closed, or the sweep let it go), its unsubscribe may have reached Redis before this subscribe, so it is sent
     * again, after it: a channel is never left subscribed with nobody following it. If another topic of the name holds
     * the channel by then, Redis's answer to that unsubscribe makes it subscribe again ({@link TopicChannels}). The
     * answer completes once Redis has answered all that was sent.
     */
    CompletableFuture<Void> subscribeChannel() {
        CompletableFuture<Void> subscribed = broker.subscribe(this);
        boolean stopped;
        synchronized (this) {
            stopped = interest != Interest.FOLLOWING;
        }
        return stopped ? subscribed.thenCompose(done -> broker.unsubscribe(this)) : subscribed;
    }

    void message(RedisEvents.Message message) {
        boolean gap;
        synchronized (this) {
            if (interest != Interest.FOLLOWING) {
                return;
            }
            if (catchUps.underWayLocked()) {
                if (!delivery.hold(message)) {
                    catchUps.letGoLocked();
                }
                return;
            }
            gap = !delivery.live(message);
        }
        if (gap) {
            catchUps.start(); // some message did not come, or this is not the stream the node read: read the stream
        }
    }

    /** Under the lock: whether the node reads the topic now. */
    boolean followingLocked() {
        return interest == Interest.FOLLOWING;
    }

    /** Under the lock: a catch-up reached the stream's end; {@link #follow} may return. */
    void caughtUpLocked() {
        caughtUp.complete(null);
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
                delivery.clearHeld();
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
            subscribeChannel();
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
            delivery.clearHeld();
            caughtUp.complete(null);
        }
        broker.detached(this, wasFollowing);
    }
}
