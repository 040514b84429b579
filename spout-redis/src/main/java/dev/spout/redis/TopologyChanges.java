package dev.spout.redis;

import dev.spout.broker.internal.log.Logs;
import io.lettuce.core.cluster.SlotHash;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.event.ClusterTopologyChangedEvent;
import io.lettuce.core.cluster.models.partitions.RedisClusterNode;
import io.lettuce.core.cluster.pubsub.StatefulRedisClusterPubSubConnection;
import io.lettuce.core.resource.ClientResources;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import reactor.core.Disposable;

/**
 * What a node does when the masters of a Redis Cluster change, as Lettuce's refreshed map of the cluster shows: a
 * replica promoted in place of a master that failed, a slot moved. It opens its connections to each new master at
 * once (Lettuce, told to refuse commands while disconnected, would otherwise refuse the first publish or read to it
 * while the connection opens), and subscribes again to the channel of every topic whose slot now has another master:
 * Redis tells nobody that a master died, so the subscriptions made on it are simply gone, and the new master must be
 * asked. Each confirmation catches the topic up from the stream, so nothing published meanwhile is missed.
 *
 * <pre>{@code
 * var changes = TopologyChanges.follow(resources, List.of(commands, reads), pubsub, byKey);
 * changes.close(); // with the connections
 * }</pre>
 */
final class TopologyChanges implements AutoCloseable {
    private static final Logger LOG = Logs.logger(TopologyChanges.class);

    private final List<StatefulRedisClusterConnection<String, String>> connections;
    private final StatefulRedisClusterPubSubConnection<String, String> pubsub;
    private final Map<String, RedisTopic> byKey;
    private final Disposable subscription;

    private TopologyChanges(
            ClientResources resources,
            List<StatefulRedisClusterConnection<String, String>> connections,
            StatefulRedisClusterPubSubConnection<String, String> pubsub,
            Map<String, RedisTopic> byKey) {
        this.connections = connections;
        this.pubsub = pubsub;
        this.byKey = byKey;
        this.subscription = resources
                .eventBus()
                .get()
                .ofType(ClusterTopologyChangedEvent.class)
                .subscribe(this::changed, failure -> LOG.error("Cannot follow the Redis Cluster's changes", failure));
    }

    static TopologyChanges follow(
            ClientResources resources,
            List<StatefulRedisClusterConnection<String, String>> connections,
            StatefulRedisClusterPubSubConnection<String, String> pubsub,
            Map<String, RedisTopic> byKey) {
        return new TopologyChanges(resources, connections, pubsub, byKey);
    }

    private void changed(ClusterTopologyChangedEvent change) {
        try {
            Map<String, CompletableFuture<?>> opening = openToNewMasters(change.before(), change.after());
            int moved = 0;
            for (RedisTopic topic : byKey.values()) {
                int slot = SlotHash.getSlot(topic.key);
                String now = masterId(change.after(), slot);
                if (!Objects.equals(masterId(change.before(), slot), now)) {
                    // Only if the node follows it; confirmed, it catches up. On a new master, once its pub/sub
                    // connection is open (else the subscription is refused while it opens, and asked for again later).
                    CompletableFuture<?> open = now == null ? null : opening.get(now);
                    if (open == null) {
                        topic.resubscribe();
                    } else {
                        open.whenComplete((opened, failure) -> topic.resubscribe());
                    }
                    moved++;
                }
            }
            if (moved > 0) {
                LOG.info("The Redis Cluster's masters changed: {} topics follow their new master", moved);
            }
        } catch (RuntimeException failure) { // the next change, or the sweep, tries again
            LOG.error("Could not follow a change of the Redis Cluster's masters", failure);
        }
    }

    /**
     * Opens the publish, read and pub/sub connections to each master that was not one before; returns the opening
     * of each one's pub/sub connection, by node id.
     */
    private Map<String, CompletableFuture<?>> openToNewMasters(
            List<RedisClusterNode> before, List<RedisClusterNode> after) {
        Map<String, CompletableFuture<?>> opening = new HashMap<>();
        for (RedisClusterNode node : after) {
            if (!node.is(RedisClusterNode.NodeFlag.UPSTREAM) || wasMaster(before, node)) {
                continue;
            }
            String host = node.getUri().getHost();
            int port = node.getUri().getPort();
            LOG.info("Redis node {}:{} is a master now: connecting to it", host, port);
            for (var connection : connections) {
                connection.getConnectionAsync(host, port).whenComplete((opened, failure) -> failedToOpen(failure));
            }
            opening.put(
                    node.getNodeId(),
                    pubsub.getConnectionAsync(host, port).whenComplete((opened, failure) -> failedToOpen(failure)));
        }
        return opening;
    }

    private static void failedToOpen(@Nullable Throwable failure) {
        if (failure != null) { // its first command opens it again
            LOG.warn("Cannot connect to a new master of the Redis Cluster yet: {}", failure.toString());
        }
    }

    private static boolean wasMaster(List<RedisClusterNode> before, RedisClusterNode node) {
        return before.stream()
                .anyMatch(
                        old -> old.getNodeId().equals(node.getNodeId()) && old.is(RedisClusterNode.NodeFlag.UPSTREAM));
    }

    private static @Nullable String masterId(List<RedisClusterNode> nodes, int slot) {
        for (RedisClusterNode node : nodes) {
            if (node.is(RedisClusterNode.NodeFlag.UPSTREAM) && node.hasSlot(slot)) {
                return node.getNodeId();
            }
        }
        return null;
    }

    @Override
    public void close() {
        subscription.dispose();
    }
}
