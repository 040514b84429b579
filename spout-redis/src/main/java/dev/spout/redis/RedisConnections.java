package dev.spout.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A node's three connections to Redis, however many topics it has: one for publishes (pipelined on it), one for
 * reads (catch-ups, replays, checkpoints loaded: they never wait behind a backlog of publishes), and the pub/sub one
 * of its {@link TopicChannels}. Lettuce reconnects them by itself; while one is down its commands are refused at
 * once, and at most {@code requestQueueSize} wait, so nothing queues without bound.
 *
 * <pre>{@code
 * var redis = new RedisConnections(uri, Duration.ofSeconds(2), 10_000, byKey);
 * String pong = redis.ping(); // or an IllegalStateException saying what keeps the node from Redis
 * }</pre>
 */
final class RedisConnections implements AutoCloseable {
    private final RedisClient client;
    private final Duration commandTimeout;
    final StatefulRedisConnection<String, String> commands;
    final StatefulRedisConnection<String, String> reads;
    final TopicChannels channels;

    RedisConnections(RedisURI uri, Duration commandTimeout, int requestQueueSize, Map<String, RedisTopic> byKey) {
        this.commandTimeout = commandTimeout;
        this.client = RedisClient.create(uri);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .requestQueueSize(requestQueueSize)
                .timeoutOptions(TimeoutOptions.enabled(commandTimeout))
                .build());
        this.commands = client.connect();
        this.reads = client.connect();
        this.channels = new TopicChannels(client.connectPubSub(), byKey);
    }

    /**
     * Redis's answer to a PING on the connection for reads, once all three connections are open; blocks for at most
     * the command timeout.
     *
     * @throws IllegalStateException saying what keeps the node from Redis: a connection that is not open, or no
     *     answer in time
     */
    String ping() {
        if (!commands.isOpen() || !reads.isOpen() || !channels.isOpen()) {
            throw new IllegalStateException("a connection to Redis is not open (commands " + commands.isOpen()
                    + ", reads " + reads.isOpen() + ", pubsub " + channels.isOpen() + ")");
        }
        try {
            return reads.async().ping().toCompletableFuture().get(commandTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Redis to answer a PING", interrupted);
        } catch (ExecutionException | TimeoutException failure) {
            Throwable cause = failure instanceof ExecutionException ? failure.getCause() : failure;
            throw new IllegalStateException(
                    "Redis did not answer a PING within " + commandTimeout + ": " + cause, cause);
        }
    }

    @Override
    public void close() {
        channels.close();
        reads.close();
        commands.close();
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
}
