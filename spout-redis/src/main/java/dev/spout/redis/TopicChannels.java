package dev.spout.redis;

import dev.spout.broker.internal.log.Logs;
import io.lettuce.core.RedisException;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;

/**
 * The node's one pub/sub connection: it subscribes to the channel of each topic the node follows, and hands each
 * message and each confirmed subscription (the first, and again after a reconnect, when Lettuce subscribes anew) to
 * the topic of that channel. A subscription that fails is logged; the broker's sweep asks for it again. On a Redis
 * Cluster the channels are shard channels ({@code SSUBSCRIBE}), which Lettuce sends to the master of each channel's
 * slot; when a slot moves to another master, Redis ends its subscriptions there, and the node subscribes again, to
 * the new one.
 *
 * <pre>{@code
 * channels.subscribe(topic); // topic.subscribed() follows once Redis confirms it
 * }</pre>
 */
final class TopicChannels {
    private static final Logger LOG = Logs.logger(TopicChannels.class);

    private final StatefulRedisPubSubConnection<String, String> pubsub;
    private final boolean sharded;
    private final Map<String, RedisTopic> byKey;

    TopicChannels(
            StatefulRedisPubSubConnection<String, String> pubsub, boolean sharded, Map<String, RedisTopic> byKey) {
        this.pubsub = pubsub;
        this.sharded = sharded;
        pubsub.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, String message) {
                deliver(byKey.get(channel), channel, message);
            }

            @Override
            public void smessage(String channel, String message) {
                deliver(byKey.get(channel), channel, message);
            }

            @Override
            public void subscribed(String channel, long count) {
                confirmed(byKey.get(channel));
            }

            @Override
            public void ssubscribed(String channel, long count) {
                confirmed(byKey.get(channel));
            }

            @Override
            public void unsubscribed(String channel, long count) {
                ended(byKey.get(channel));
            }

            @Override
            public void sunsubscribed(String channel, long count) {
                ended(byKey.get(channel));
            }
        });
        this.byKey = byKey;
    }

    /**
     * Subscribes again to the channel of every topic the node follows, each on its own. On a Redis Cluster, Lettuce
     * renews a reconnected connection's shard channels in one {@code SSUBSCRIBE}, which Redis refuses (and Lettuce
     * logs, "Re-subscribe failed: CROSSSLOT") as soon as they are on two slots of that master.
     */
    void resubscribeAll() {
        byKey.values().forEach(RedisTopic::resubscribe);
    }

    private static void deliver(@Nullable RedisTopic topic, String channel, String message) {
        if (topic == null) {
            return; // unsubscribed meanwhile
        }
        RedisEvents.Message parsed = RedisEvents.fromMessage(message, topic.name());
        if (parsed == null) {
            LOG.warn("Ignoring a message on {} that Spout did not publish", channel);
        } else {
            topic.message(parsed);
        }
    }

    /**
     * Redis ended a channel's subscription: the topic of that channel now, if it still follows, subscribes again (and
     * catches up once Redis confirms it). The end may be another's: a topic reclaimed by the engine unsubscribes its
     * channel as it is detached, and a topic of the same name made again meanwhile (a stream joining) may have
     * subscribed it first, its confirmation already in; or the slot moved to another master.
     */
    private static void ended(@Nullable RedisTopic topic) {
        if (topic != null) {
            topic.resubscribe(); // the topic knows whether it still follows
        }
    }

    private static void confirmed(@Nullable RedisTopic topic) {
        if (topic != null) {
            topic.subscribed(); // also after a reconnect, when Lettuce subscribes again
        }
    }

    /**
     * Subscribes the topic's channel; the answer completes once Redis has. A failure is logged and the answer
     * completes all the same: the broker's sweep asks again until Redis confirms.
     */
    CompletableFuture<Void> subscribe(RedisTopic topic) {
        try {
            var async = pubsub.async();
            return (sharded ? async.ssubscribe(topic.key) : async.subscribe(topic.key))
                    .toCompletableFuture()
                    .handle((done, failure) -> {
                        if (failure != null) {
                            LOG.warn("Cannot subscribe to {} yet ({}); trying again", topic.key, failure.toString());
                        }
                        return null;
                    });
        } catch (RedisException notConnected) {
            LOG.warn("Cannot subscribe to {} yet ({}); trying again", topic.key, notConnected.toString());
            return CompletableFuture.completedFuture(null);
        }
    }

    /**
     * Unsubscribes the topic's channel; the answer completes once Redis has. A failure is only logged: a message that
     * still comes for a topic no longer followed is dropped.
     */
    CompletableFuture<Void> unsubscribe(RedisTopic topic) {
        try {
            var async = pubsub.async();
            return (sharded ? async.sunsubscribe(topic.key) : async.unsubscribe(topic.key))
                    .toCompletableFuture()
                    .handle((done, failure) -> {
                        if (failure != null) { // a message that still comes is dropped: the topic is not followed
                            LOG.debug("Unsubscribing {} failed ({})", topic.key, failure.toString());
                        }
                        return null;
                    });
        } catch (RedisException notConnected) {
            // Lettuce still counts the channel as subscribed and renews it on reconnect: its messages are dropped
            LOG.debug("Unsubscribing {} while disconnected: its messages are dropped meanwhile", topic.key);
            return CompletableFuture.completedFuture(null);
        }
    }

    boolean isOpen() {
        return pubsub.isOpen();
    }

    void close() {
        pubsub.close();
    }
}
