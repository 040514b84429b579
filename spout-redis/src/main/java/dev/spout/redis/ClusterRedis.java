package dev.spout.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.SlotHash;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.cluster.models.partitions.RedisClusterNode;
import io.lettuce.core.cluster.pubsub.StatefulRedisClusterPubSubConnection;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.resource.ClientResources;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The connections to a Redis Cluster, through Lettuce's cluster client: each of the three (publishes, reads,
 * pub/sub) sends a command to the master of its key's slot, on one connection per master it has needed, plus one to
 * the node it first reached (for commands without a key): at most 3 × masters + 3 connections per Spout node,
 * however many topics. Topics are announced by {@code SPUBLISH} and followed by {@code SSUBSCRIBE} (Redis 7's sharded
 * pub/sub: a message goes to its slot's master and replicas, not to every node as {@code PUBLISH} would). Lettuce
 * refreshes its map of the cluster every {@value #REFRESH_SECONDS} s, and at once when a node redirects a command
 * ({@code MOVED}, {@code ASK}) or cannot be reached.
 *
 * <pre>{@code
 * var redis = ClusterRedis.connect(RedisSeeds.parse("redis://10.0.0.1:7000,10.0.0.2:7000"), timeout, 10_000,
 *         resources, byKey);
 * }</pre>
 */
final class ClusterRedis extends RedisConnections {
    static final int REFRESH_SECONDS = 30;

    private final RedisClusterClient client;
    private final StatefulRedisClusterConnection<String, String> commandsConnection;
    private final StatefulRedisClusterConnection<String, String> readsConnection;
    private final TopologyChanges changes;

    private ClusterRedis(
            RedisClusterClient client,
            StatefulRedisClusterConnection<String, String> commands,
            StatefulRedisClusterConnection<String, String> reads,
            TopicChannels channels,
            TopologyChanges changes,
            Duration commandTimeout,
            ClientResources resources) {
        super(commandTimeout, resources, commands.async(), reads.async(), channels);
        this.client = client;
        this.commandsConnection = commands;
        this.readsConnection = reads;
        this.changes = changes;
    }

    static ClusterRedis connect(
            List<RedisURI> seeds,
            Duration commandTimeout,
            int requestQueueSize,
            ClientResources resources,
            Map<String, RedisTopic> byKey) {
        RedisClusterClient client = RedisClusterClient.create(resources, seeds);
        client.setOptions(ClusterClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .requestQueueSize(requestQueueSize)
                .timeoutOptions(TimeoutOptions.enabled(commandTimeout))
                .topologyRefreshOptions(ClusterTopologyRefreshOptions.builder()
                        .enablePeriodicRefresh(Duration.ofSeconds(REFRESH_SECONDS))
                        .enableAllAdaptiveRefreshTriggers()
                        // A master that died: each failed reconnect (one a second at most, RedisConnections) asks
                        // the cluster again, so its replica's promotion is seen within a second, not 30 s later.
                        .refreshTriggersReconnectAttempts(1)
                        .adaptiveRefreshTriggersTimeout(Duration.ofSeconds(1))
                        .build())
                .build());
        TopologyChanges changes = null;
        try {
            var commands = client.connect();
            var reads = client.connect();
            var pubsub = client.connectPubSub();
            var channels = new TopicChannels(pubsub, true, byKey);
            client.addListener(new RedisConnectionStateListener() {
                @Override
                public void onRedisConnected(RedisChannelHandler<?, ?> connection, SocketAddress address) {
                    // a master's pub/sub connection came back (or is new: a promoted replica): its shard channels
                    if (connection instanceof StatefulRedisPubSubConnection<?, ?>
                            && !(connection instanceof StatefulRedisClusterPubSubConnection<?, ?>)) {
                        channels.resubscribeAll();
                    }
                }
            });
            changes = TopologyChanges.follow(resources, List.of(commands, reads), pubsub, byKey);
            var redis = new ClusterRedis(client, commands, reads, channels, changes, commandTimeout, resources);
            // Lettuce opens the connection to a master when a command first needs it, and with REJECT_COMMANDS it
            // refuses that command while the connection is being opened: open them all before the first publish,
            // by host and port, as a command routed by its key's slot asks for them.
            List<CompletableFuture<?>> opening = new ArrayList<>();
            for (RedisClusterNode master : redis.upstream()) {
                String host = master.getUri().getHost();
                int port = master.getUri().getPort();
                opening.add(commands.getConnectionAsync(host, port));
                opening.add(reads.getConnectionAsync(host, port));
                opening.add(pubsub.getConnectionAsync(host, port));
            }
            redis.await(
                    CompletableFuture.allOf(opening.toArray(CompletableFuture[]::new)),
                    "the connections to every master");
            return redis;
        } catch (RuntimeException failed) { // the connections opened before it close with the client
            if (changes != null) {
                changes.close();
            }
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
            throw failed;
        }
    }

    @Override
    boolean cluster() {
        return true;
    }

    @Override
    RedisClusterAsyncCommands<String, String> commandsOf(String key) {
        int slot = SlotHash.getSlot(key);
        RedisClusterNode master = commandsConnection.getPartitions().getMasterBySlot(slot);
        if (master == null) {
            throw new RedisException("No master of slot " + slot + " (key " + key + ") in this node's map of the Redis"
                    + " Cluster yet: nothing was sent");
        }
        var connection = commandsConnection.getConnectionAsync(
                master.getUri().getHost(), master.getUri().getPort());
        if (!connection.isDone() || connection.isCompletedExceptionally()) {
            throw new RedisException("The connection to " + master.getUri().getHost() + ":"
                    + master.getUri().getPort() + ", master of slot " + slot + ", is not open yet: nothing was sent");
        }
        return connection.join().async();
    }

    /** How many masters the cluster has, as Lettuce last saw it. */
    long masters() {
        return upstream().size();
    }

    private List<RedisClusterNode> upstream() {
        return readsConnection.getPartitions().stream()
                .filter(node -> node.is(RedisClusterNode.NodeFlag.UPSTREAM))
                .toList();
    }

    /** "PONG" once every master answered a PING: a node that cannot reach one cannot serve its topics. */
    @Override
    String ping() {
        if (!commandsConnection.isOpen() || !readsConnection.isOpen() || !channels.isOpen()) {
            throw new IllegalStateException("a connection to the Redis Cluster is not open (commands "
                    + commandsConnection.isOpen() + ", reads " + readsConnection.isOpen() + ", pubsub "
                    + channels.isOpen() + ")");
        }
        List<String> answers =
                await(readsConnection.async().upstream().commands().ping(), "every master's answer to a PING");
        if (answers.isEmpty() || !answers.stream().allMatch("PONG"::equals)) {
            throw new IllegalStateException("the masters of the Redis Cluster answered a PING with " + answers);
        }
        return "PONG";
    }

    @Override
    void closeClient() {
        changes.close();
        channels.close();
        readsConnection.close();
        commandsConnection.close();
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
}
