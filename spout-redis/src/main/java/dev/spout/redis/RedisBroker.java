package dev.spout.redis;

import dev.spout.broker.Broker;
import dev.spout.broker.BrokerHealth;
import dev.spout.broker.BrokerTopic;
import dev.spout.broker.Checkpoints;
import dev.spout.broker.TopicLog;
import dev.spout.broker.internal.log.Logs;
import dev.spout.sse.SseEvent;
import io.lettuce.core.RedisURI;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;

/**
 * A broker on Redis Streams, so several Spout nodes share their topics: each topic is a stream; publishing on any
 * node appends to it, and every node that has subscribers of the topic reads it and fans the events out to its own
 * clients, encoding each once. Event ids are the stream's ids, so a {@code Last-Event-ID} means the same on every
 * node: a client whose node dies reconnects to another and resumes there, from that node's history or, further
 * back, from Redis.
 *
 * <pre>{@code
 * var app = Spout.create(options -> options.broker(RedisBroker.create("redis://127.0.0.1:6379")));
 * Topic chat = app.topic("chat");      // the stream spout:chat, shared by every node
 *
 * // A Redis Cluster: a few of its nodes, as seeds; the broker asks them whether they are a cluster.
 * RedisBroker.create("redis://10.0.0.1:7000,redis://10.0.0.2:7000"); // chat is then the stream spout:{chat}
 * }</pre>
 *
 * <p>However many topics, a node holds three connections: one for publishes (pipelined on it), one for reads
 * (catch-ups, replays), and one for pub/sub, on which it subscribes to the channel of each topic it has
 * subscribers of, and unsubscribes a while after the last one leaves. Publishing is one Lua script: append to the
 * stream (trimmed to its length or age), renew the stream's time to live (so abandoned topics' streams expire), and
 * announce the event with the id before it, from which a node tells that it missed one and reads the stream instead.
 * An event published to several topics at once gets one id in all of them.
 *
 * <p>On a Redis Cluster each topic lives on the slot of its name ({@link TopicKeys}), so topics spread over every
 * master; a node holds at most three connections per master plus three, and is told of events by sharded pub/sub
 * (Redis 7). An event for several topics at once must find them on one slot (topics that share a hash tag, such as
 * {@code user/{42}/inbox} and {@code user/{42}/alerts}): else its publish fails with an
 * {@link IllegalArgumentException} that says so.
 *
 * <p>Bursts: at most {@link RedisBrokerBuilder#maxPublishesInFlight} publishes (2,000) are sent and unanswered at
 * once; the rest wait their turn in the order they were made, so each topic's events reach Redis in the order they
 * were published, within {@link RedisBrokerBuilder#maxPublishesWaiting} (100,000 publishes, 64 MiB of events). Past
 * that a publish fails at once with a {@link dev.spout.broker.TooManyPublishesException}, nothing written, logged at
 * most once a second. Reads and subscriptions have connections of their own: a backlog of publishes never delays
 * them.
 *
 * <p>Failures: a publish while Redis is unreachable fails at once with the client's exception (never silently
 * lost, never queued without bound); reading retries and resumes from the last id it saw, so a Redis restart or a
 * network cut delays events but loses none that Redis kept. An event's own id is not kept: ids come from Redis. A
 * publish that fails after it was sent (a timeout, the connection lost before Redis answered) may have been written:
 * publish with an idempotency key ({@code Topic.publishOnce}) and retry with the same key, which the publish script
 * checks and records with the append, in one step, for {@link RedisBrokerBuilder#idempotencyWindow} (10 minutes).
 *
 * <p>Failover: when a master (of a cluster, or the one a Sentinel names) fails over to its replica, the node finds
 * the new master and every stream goes on. Redis replicates asynchronously, so the new master may lack the last
 * events the old one answered, and that the nodes may have delivered already: a node that finds its last event gone
 * from the stream tells the topic (its streams end, its clients resume by the topic's gap policy) and delivers what
 * the new master has after the last event both have, whatever their ids; a client resuming with a lost id gets the
 * gap policy. {@link RedisBrokerBuilder#waitForReplicas} answers a publish only once a replica has it.
 */
public final class RedisBroker implements Broker {
    private static final Logger LOG = Logs.logger(RedisBroker.class);

    final Settings settings;
    final TopicKeys keys;
    private final RedisConnections redis;
    private final Map<String, RedisTopic> byKey = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer;
    private final RedisCheckpoints checkpoints;
    private final PublishQueue publishes;
    final AtomicLong received = new AtomicLong();
    final AtomicLong readFailures = new AtomicLong();
    final AtomicLong losses = new AtomicLong();
    final AtomicLong lagMillis = new AtomicLong();

    /** How streams are named, trimmed and kept. */
    record Settings(
            String keyPrefix,
            long maxLength,
            @Nullable Duration maxAge,
            Duration keyTtl,
            int preload,
            Duration commandTimeout,
            Duration unfollowAfter,
            Duration idempotencyWindow,
            ReplicaWaits.@Nullable Wanted waitForReplicas) {}

    RedisBroker(List<RedisURI> seeds, Settings settings, int requestQueueSize, PublishQueue.Bounds bounds) {
        this.settings = settings;
        this.redis = RedisConnections.open(seeds, settings.commandTimeout(), requestQueueSize, byKey);
        this.publishes = new PublishQueue(
                redis.commands,
                bounds,
                settings.waitForReplicas() == null ? null : new ReplicaWaits(redis, settings.waitForReplicas()));
        this.keys =
                redis.cluster() ? TopicKeys.cluster(settings.keyPrefix()) : TopicKeys.standalone(settings.keyPrefix());
        this.checkpoints = new RedisCheckpoints(redis, settings.keyPrefix());
        this.timer = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("spout-redis-timer").daemon().factory());
        long sweep = Math.clamp(settings.unfollowAfter().toMillis() / 4, 50, 1000);
        timer.scheduleWithFixedDelay(this::sweep, sweep, sweep, TimeUnit.MILLISECONDS);
    }

    /**
     * A broker on the Redis at this URI ({@code redis://host:port}; a Redis Cluster's seeds separated by commas; or
     * {@code redis-sentinel://host:port#master}), with the default settings. Connects at once: whether it is a
     * cluster is asked of the node.
     */
    public static RedisBroker create(String uri) {
        return builder(uri).build();
    }

    /** Settings for a broker on the Redis at this URI (as {@link #create}); {@link RedisBrokerBuilder#build} makes it. */
    public static RedisBrokerBuilder builder(String uri) {
        return new RedisBrokerBuilder(uri);
    }

    @Override
    public BrokerTopic attach(String topic, TopicLog log) {
        if (topic.indexOf('\n') >= 0 || topic.indexOf('\r') >= 0 || topic.indexOf(RedisEvents.TOPIC_SEPARATOR) >= 0) {
            throw new IllegalArgumentException(
                    "A topic on Redis cannot have a line break or NUL in its name: " + topic);
        }
        var redisTopic = new RedisTopic(this, topic, log);
        byKey.put(redisTopic.key, redisTopic); // a topic reclaimed and made again: the new one takes the channel
        return redisTopic;
    }

    @Override
    public CompletableFuture<String> publish(List<BrokerTopic> topics, SseEvent event, byte[] encoded) {
        return publish(topics, event, encoded, List.of());
    }

    /**
     * The script checks the key, appends and records the key in one step: two retries racing on two nodes publish
     * once, and a retry after a publish whose answer was lost (a timeout, a connection cut) answers its id.
     */
    @Override
    public CompletableFuture<String> publishOnce(
            String key, List<BrokerTopic> topics, SseEvent event, byte[] encoded, List<String> labels) {
        return publish(topics, event, encoded, labels, key);
    }

    /** The event, with its labels (NUL-separated in Redis, as topic names are), to every topic at once. */
    CompletableFuture<String> publish(List<BrokerTopic> topics, SseEvent event, byte[] encoded, List<String> labels) {
        return publish(topics, event, encoded, labels, null);
    }

    /** ... once per idempotency key if there is one: each stream's record of it follows the streams in the keys. */
    private CompletableFuture<String> publish(
            List<BrokerTopic> topics,
            SseEvent event,
            byte[] encoded,
            List<String> labels,
            @Nullable String idempotencyKey) {
        String[] streams = new String[topics.size()];
        String[] topicNames = new String[streams.length];
        for (int i = 0; i < streams.length; i++) {
            if (!(topics.get(i) instanceof RedisTopic mine) || byKey.get(mine.key) == null) {
                return CompletableFuture.failedFuture(
                        new IllegalArgumentException("Not a topic of this broker: " + topics.get(i)));
            }
            streams[i] = mine.key;
            topicNames[i] = mine.name();
        }
        try {
            keys.checkOneSlot(streams, topicNames);
        } catch (IllegalArgumentException apart) {
            return CompletableFuture.failedFuture(apart);
        }
        var call = PublishCall.of(settings, keys, streams, topicNames, event, labels, idempotencyKey);
        return publishes.submit(call.script(), call.keys(), call.args(), encoded.length + call.extraBytes());
    }

    @Override
    public Checkpoints checkpoints() {
        return checkpoints;
    }

    /** The connection for reads: catch-ups, replays, checkpoints loaded. */
    RedisClusterAsyncCommands<String, String> reads() {
        return redis.reads;
    }

    CompletableFuture<Void> subscribe(RedisTopic topic) {
        return redis.channels.subscribe(topic);
    }

    CompletableFuture<Void> unsubscribe(RedisTopic topic) {
        return redis.channels.unsubscribe(topic);
    }

    /** Runs a failed read again a little later, on the broker's timer. */
    void retryLater(Runnable read) {
        try {
            timer.schedule(read, 200, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            LOG.debug("The broker is closing: no retry");
        }
    }

    void detached(RedisTopic topic, boolean wasFollowing) {
        boolean last = byKey.remove(topic.key, topic);
        if (wasFollowing && last) { // no topic of that name took the channel over
            unsubscribe(topic);
        }
    }

    private void sweep() {
        try {
            long now = System.nanoTime();
            byKey.values().forEach(topic -> topic.sweep(now));
        } catch (RuntimeException failure) {
            LOG.error("The Redis broker's sweep failed; it runs again shortly", failure);
        }
    }

    public RedisStats stats() {
        int following =
                (int) byKey.values().stream().filter(RedisTopic::following).count();
        return new RedisStats(
                publishes.published.get(),
                publishes.failures.get(),
                publishes.refused.get(),
                publishes.waiting(),
                received.get(),
                readFailures.get(),
                losses.get(),
                lagMillis.get(),
                byKey.size(),
                following);
    }

    /**
     * Up when its connections are open and Redis (on a cluster, every master) answers a PING within the command
     * timeout; down, with the reason, otherwise (the node then cannot publish, and its streams get nothing new until
     * Redis is back). The details say which Redis it is: {@code mode} standalone or cluster, and a cluster's
     * {@code masters}.
     */
    @Override
    public BrokerHealth health() {
        var details = new java.util.LinkedHashMap<String, Object>();
        details.put("broker", "redis");
        switch (redis) {
            case StandaloneRedis one -> details.put("mode", "standalone");
            case ClusterRedis cluster -> {
                details.put("mode", "cluster");
                details.put("masters", cluster.masters());
            }
        }
        details.put("topics", byKey.size());
        details.put("published", publishes.published.get());
        details.put("publishFailures", publishes.failures.get());
        details.put("publishesWaiting", publishes.waiting());
        details.put("lagMillis", lagMillis.get());
        try {
            details.put("ping", redis.ping());
            return BrokerHealth.up(details);
        } catch (IllegalStateException unreachable) {
            details.put("error", unreachable.getMessage());
        }
        return BrokerHealth.down(details);
    }

    @Override
    public void close() {
        timer.shutdownNow();
        byKey.values().forEach(RedisTopic::close);
        publishes.close(); // what still waits fails; what is in flight fails as its connection closes
        redis.close();
    }
}
