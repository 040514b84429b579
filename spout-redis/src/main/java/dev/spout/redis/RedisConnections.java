package dev.spout.redis;

import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A node's connections to Redis, however many topics it has: one for publishes (pipelined on it), one for reads
 * (catch-ups, replays, checkpoints loaded: they never wait behind a backlog of publishes), and the pub/sub one of its
 * {@link TopicChannels}. On one Redis (or one that Sentinel names) those are three connections; on a Redis Cluster
 * each is Lettuce's cluster connection, so a node holds at most three per master plus three. Lettuce reconnects
 * them by itself; while one is down its commands are refused at once, and at most {@code requestQueueSize} wait on
 * each, so nothing queues without bound.
 *
 * <pre>{@code
 * var redis = RedisConnections.open(RedisSeeds.parse(uri), Duration.ofSeconds(2), 10_000, byKey);
 * String pong = redis.ping(); // or an IllegalStateException saying what keeps the node from Redis
 * }</pre>
 */
abstract sealed class RedisConnections implements AutoCloseable permits StandaloneRedis, ClusterRedis {
    final Duration commandTimeout;
    final ClientResources resources;
    /** Publishes and checkpoints saved. */
    final RedisClusterAsyncCommands<String, String> commands;
    /** Catch-ups, replays and checkpoints loaded. */
    final RedisClusterAsyncCommands<String, String> reads;

    final TopicChannels channels;

    RedisConnections(
            Duration commandTimeout,
            ClientResources resources,
            RedisClusterAsyncCommands<String, String> commands,
            RedisClusterAsyncCommands<String, String> reads,
            TopicChannels channels) {
        this.commandTimeout = commandTimeout;
        this.resources = resources;
        this.commands = commands;
        this.reads = reads;
        this.channels = channels;
    }

    /**
     * Connects to the Redis the seeds name, asking the first that answers whether it is a cluster node (no flag
     * says so: the same URI works whichever it is).
     *
     * @throws RedisConnectionException if no seed answers
     * @throws IllegalArgumentException if several seeds name a Redis that is not a cluster
     */
    static RedisConnections open(
            List<RedisURI> seeds, Duration commandTimeout, int requestQueueSize, Map<String, RedisTopic> byKey) {
        // Reconnect attempts back off up to a second, not Lettuce's 30: a Redis back (or a replica promoted in its
        // place, which Sentinel names or a cluster's map shows) is found within a second of it.
        ClientResources resources = DefaultClientResources.builder()
                .reconnectDelay(Delay.exponential(Duration.ZERO, Duration.ofSeconds(1), 2, TimeUnit.MILLISECONDS))
                .build();
        try {
            if (RedisProbe.isCluster(seeds, resources)) {
                return ClusterRedis.connect(seeds, commandTimeout, requestQueueSize, resources, byKey);
            }
            if (seeds.size() > 1) {
                throw new IllegalArgumentException("Several Redis URIs were given (" + seeds.size() + ": " + seeds
                        + "), but the Redis they name is not a cluster (INFO cluster says cluster_enabled:0): give"
                        + " one URI for a single Redis");
            }
            return StandaloneRedis.connect(seeds.getFirst(), commandTimeout, requestQueueSize, resources, byKey);
        } catch (RuntimeException failed) {
            resources.shutdown(0, 2, TimeUnit.SECONDS);
            throw failed;
        }
    }

    /** Whether this is a Redis Cluster, whose topics are spread by slot and announced by sharded pub/sub. */
    abstract boolean cluster();

    /**
     * The publishes connection's commands on the one Redis connection that writes this key: on one Redis, the
     * connection itself; on a cluster, the connection to the master of the key's slot as the node last saw the map
     * (not routed again: a command and a WAIT after it must go to one connection).
     *
     * @throws io.lettuce.core.RedisException if that connection is not open yet (nothing was sent)
     */
    abstract RedisClusterAsyncCommands<String, String> commandsOf(String key);

    /**
     * Redis's answer to a PING (on a cluster, from every master), once the connections are open; blocks for at most
     * the command timeout.
     *
     * @throws IllegalStateException saying what keeps the node from Redis: a connection that is not open, or no
     *     answer in time
     */
    abstract String ping();

    /** Waits for a PING's answer within the command timeout, as {@link #ping} promises. */
    final <T> T await(CompletionStage<T> answer, String what) {
        try {
            return answer.toCompletableFuture().get(commandTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + what, interrupted);
        } catch (ExecutionException | TimeoutException failure) {
            Throwable cause = failure instanceof ExecutionException ? failure.getCause() : failure;
            throw new IllegalStateException(what + " did not come within " + commandTimeout + ": " + cause, cause);
        }
    }

    /** Closes the connections and the client; the subclass's part first. */
    abstract void closeClient();

    @Override
    public final void close() {
        try {
            closeClient();
        } finally {
            resources.shutdown(0, 2, TimeUnit.SECONDS);
        }
    }
}
