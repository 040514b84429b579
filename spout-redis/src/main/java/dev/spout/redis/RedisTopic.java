package dev.spout.redis;

import dev.spout.broker.BrokerTopic;
import dev.spout.broker.StoredEvent;
import dev.spout.broker.TopicLog;
import dev.spout.broker.internal.log.Logs;
import dev.spout.sse.SseEvent;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.RedisException;
import io.lettuce.core.StreamMessage;
import java.util.ArrayDeque;
import java.util.ArrayList;
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
    private static final int MAX_PENDING = 100_000;

    private final RedisBroker broker;
    final String key; // the stream, and the channel its events are announced on
    private final String name;
    private final TopicLog log;

    private boolean following;
    private boolean catchingUp;
    private boolean again; // a catch-up is wanted once the current one ends
    private final ArrayDeque<RedisEvents.Message> pending = new ArrayDeque<>();
    private @Nullable String lastId;
    private CompletableFuture<Void> caughtUp = CompletableFuture.completedFuture(null);
    private long wantedNanos;
    private long subscribedNanos;
    private boolean failing;
    private boolean closed;

    RedisTopic(RedisBroker broker, String name, TopicLog log) {
        this.broker = broker;
        this.name = name;
        this.key = broker.settings.keyPrefix() + name;
        this.log = log;
    }

    @Override
    public CompletableFuture<String> publish(SseEvent event, byte[] encoded) {
        return broker.publish(List.of(this), event, encoded);
    }

    String name() {
        return name;
    }

    @Override
    public void follow() {
        CompletableFuture<Void> ready;
        boolean subscribe = false;
        synchronized (this) {
            if (closed) {
                return;
            }
            wantedNanos = System.nanoTime();
            if (!following) {
                following = true;
                caughtUp = new CompletableFuture<>();
                subscribedNanos = wantedNanos;
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
        catchUp();
    }

    void message(RedisEvents.Message message) {
        boolean gap = false;
        synchronized (this) {
            if (!following) {
                return;
            }
            if (catchingUp) {
                hold(message);
                return;
            }
            if (lastId != null && compare(message.event().id(), lastId) <= 0) {
                return; // had it already, from a catch-up
            }
            if (message.previousId().equals(lastId == null ? "" : lastId)) {
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
        if (pending.size() >= MAX_PENDING) {
            pending.clear(); // the catch-up reads them from the stream instead: memory stays bounded
            again = true;
        }
        pending.add(message);
    }

    private void catchUp() {
        String from;
        synchronized (this) {
            if (!following || closed) {
                return;
            }
            if (catchingUp) {
                again = true;
                return;
            }
            catchingUp = true;
            again = false;
            from = lastId;
        }
        read(from);
    }

    /** Reads the next part of the stream after {@code from} (null: the latest events, for a topic new here). */
    private void read(@Nullable String from) {
        try {
            startRead(from);
        } catch (RedisException refused) { // not connected, or too many commands waiting: a failed read, retried
            caughtUp(from, null, null, refused);
        }
    }

    private void startRead(@Nullable String from) {
        var async = broker.reads().async();
        if (from == null) {
            int preload = Math.max(1, broker.settings.preload()); // at least the last id, to follow on from
            async.xrevrange(key, Range.create("-", "+"), Limit.from(preload)).whenComplete((latest, failure) -> {
                List<StreamMessage<String, String>> oldestFirst = latest == null ? null : reversed(latest);
                caughtUp(null, oldestFirst, null, failure);
            });
            return;
        }
        var oldest = async.xrange(key, Range.create("-", "+"), Limit.from(1));
        async.xrange(key, Range.from(Range.Boundary.excluding(from), Range.Boundary.unbounded()), Limit.from(BATCH))
                .whenComplete((batch, failure) -> oldest.whenComplete((first, failedToo) -> caughtUp(
                        from,
                        batch,
                        first == null || first.isEmpty()
                                ? null
                                : first.getFirst().getId(),
                        failure != null ? failure : failedToo)));
    }

    private void caughtUp(
            @Nullable String from,
            @Nullable List<StreamMessage<String, String>> entries,
            @Nullable String oldestId,
            @Nullable Throwable failure) {
        boolean more = false;
        boolean gapAgain = false;
        synchronized (this) {
            if (!following || closed) {
                catchingUp = false;
                return;
            }
            if (failure != null) {
                catchingUp = false;
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
            if (from != null && oldestId != null && compare(oldestId, from) > 0) {
                // before what follows is appended: the node's history up to here is what cannot be trusted
                log.lost("Redis no longer has every event after " + from + " (its oldest is " + oldestId + ")");
            }
            int preload = broker.settings.preload();
            for (int i = 0; i < entries.size(); i++) {
                StreamMessage<String, String> entry = entries.get(i);
                if (lastId != null && compare(entry.getId(), lastId) <= 0) {
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
                catchingUp = false;
                gapAgain = drain() || again;
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
        while (!pending.isEmpty()) {
            RedisEvents.Message next = pending.peek();
            if (lastId != null && compare(next.event().id(), lastId) <= 0) {
                pending.poll();
            } else if (next.previousId().equals(lastId == null ? "" : lastId)) {
                pending.poll();
                deliver(next.event(), true);
            } else {
                return true;
            }
        }
        return false;
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
            if (!following) {
                return;
            }
            if (log.hasSubscribers()) {
                wantedNanos = now;
            } else if (now - wantedNanos > broker.settings.unfollowAfter().toNanos()) {
                following = false;
                pending.clear();
                caughtUp.complete(null);
                unsubscribe = true;
            }
            if (!unsubscribe && !caughtUp.isDone() && now - subscribedNanos > 2_000_000_000L) {
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
        return following;
    }

    /**
     * One page, read without blocking: the range first, then what shows nothing after {@code afterId} was trimmed
     * (the oldest entry, or for the topic's beginning that nothing was ever removed), pipelined on the connection for
     * reads, in that order. Trimming only moves the oldest entry on, so a check made after the range holds for it.
     */
    @Override
    public CompletableFuture<Optional<List<StoredEvent>>> readPage(String afterId, String upToId, int limit) {
        if (!isStreamId(upToId) || !(afterId.isEmpty() || isStreamId(afterId)) || limit < 1) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        var async = broker.reads().async();
        Range.Boundary<String> lower =
                afterId.isEmpty() ? Range.Boundary.unbounded() : Range.Boundary.excluding(afterId);
        CompletableFuture<List<StreamMessage<String, String>>> range = async.xrange(
                        key, Range.from(lower, Range.Boundary.including(upToId)), Limit.from(limit))
                .toCompletableFuture();
        CompletableFuture<Boolean> complete = afterId.isEmpty()
                ? async.xinfoStream(key)
                        .toCompletableFuture()
                        .thenApply(RedisTopic::nothingRemoved)
                        .exceptionally(noSuchStream -> false) // expired: what it had is gone
                : async.xrange(key, Range.create("-", "+"), Limit.from(1))
                        .toCompletableFuture()
                        .thenApply(oldest -> !oldest.isEmpty()
                                && compare(afterId, oldest.getFirst().getId()) >= 0);
        return range.thenCombine(complete, (entries, nothingTrimmed) -> {
            if (!nothingTrimmed) {
                return Optional.<List<StoredEvent>>empty(); // Redis no longer has everything after afterId
            }
            List<StoredEvent> events = new ArrayList<>(entries.size());
            for (StreamMessage<String, String> entry : entries) {
                events.add(RedisEvents.fromEntry(entry, name));
            }
            return Optional.of(events);
        });
    }

    @Override
    public void close() {
        boolean wasFollowing;
        synchronized (this) {
            closed = true;
            wasFollowing = following;
            following = false;
            pending.clear();
            caughtUp.complete(null);
        }
        broker.detached(this, wasFollowing);
    }

    /** From XINFO STREAM: whether the stream still has every entry ever added to it (Redis 7). */
    private static boolean nothingRemoved(List<Object> info) {
        Object added = null;
        Object length = null;
        for (int i = 0; i + 1 < info.size(); i += 2) {
            if ("entries-added".equals(info.get(i))) {
                added = info.get(i + 1);
            } else if ("length".equals(info.get(i))) {
                length = info.get(i + 1);
            }
        }
        return added != null && added.equals(length);
    }

    private static <T> List<T> reversed(List<T> newestFirst) {
        List<T> out = new ArrayList<>(newestFirst);
        java.util.Collections.reverse(out);
        return out;
    }

    static boolean isStreamId(String id) {
        return id != null && id.matches("\\d{1,19}-\\d{1,19}");
    }

    static long millis(String id) {
        return Long.parseLong(id.substring(0, id.indexOf('-')));
    }

    static int compare(String a, String b) {
        int dashA = a.indexOf('-');
        int dashB = b.indexOf('-');
        int first = Long.compare(Long.parseLong(a, 0, dashA, 10), Long.parseLong(b, 0, dashB, 10));
        return first != 0
                ? first
                : Long.compare(
                        Long.parseLong(a, dashA + 1, a.length(), 10), Long.parseLong(b, dashB + 1, b.length(), 10));
    }
}
