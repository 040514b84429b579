package dev.spout.redis;

import dev.spout.broker.internal.log.Logs;
import io.lettuce.core.RedisException;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.util.Map;
import org.slf4j.Logger;

/**
 * The node's one pub/sub connection: it subscribes to the channel of each topic the node follows, and hands each
 * message and each confirmed subscription (the first, and again after a reconnect, when Lettuce subscribes anew) to
 * the topic of that channel. A subscription that fails is logged; the broker's sweep asks for it again.
 *
 * <pre>{@code
 * channels.subscribe(topic); // topic.subscribed() follows once Redis confirms it
 * }</pre>
 */
final class TopicChannels {
    private static final Logger LOG = Logs.logger(TopicChannels.class);

    private final StatefulRedisPubSubConnection<String, String> pubsub;

    TopicChannels(StatefulRedisPubSubConnection<String, String> pubsub, Map<String, RedisTopic> byKey) {
        this.pubsub = pubsub;
        pubsub.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, String message) {
                RedisTopic topic = byKey.get(channel);
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

            @Override
            public void subscribed(String channel, long count) {
                RedisTopic topic = byKey.get(channel);
                if (topic != null) {
                    topic.subscribed(); // also after a reconnect, when Lettuce subscribes again
                }
            }
        });
    }

    void subscribe(RedisTopic topic) {
        try {
            pubsub.async().subscribe(topic.key).whenComplete((done, failure) -> {
                if (failure != null) {
                    LOG.warn("Cannot subscribe to {} yet ({}); trying again", topic.key, failure.toString());
                }
            });
        } catch (RedisException notConnected) {
            LOG.warn("Cannot subscribe to {} yet ({}); trying again", topic.key, notConnected.toString());
        }
    }

    void unsubscribe(RedisTopic topic) {
        try {
            pubsub.async().unsubscribe(topic.key);
        } catch (RedisException notConnected) {
            LOG.debug("Unsubscribing {} while disconnected: the reconnect will not subscribe it again", topic.key);
        }
    }

    boolean isOpen() {
        return pubsub.isOpen();
    }

    void close() {
        pubsub.close();
    }
}
