package dev.spout.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.resource.ClientResources;
import java.time.Duration;
import java.util.Map;

/**
 * The three connections to one Redis (or to the master Sentinel names, asked again when Lettuce reconnects):
 * topics announced by {@code PUBLISH} and followed by {@code SUBSCRIBE}, as on every Redis since 2.0.
 *
 * <pre>{@code
 * var redis = StandaloneRedis.connect(RedisURI.create("redis://127.0.0.1:6379"), timeout, 10_000, resources, byKey);
 * }</pre>
 */
final class StandaloneRedis extends RedisConnections {
    private final RedisClient client;
    private final StatefulRedisConnection<String, String> commandsConnection;
    private final StatefulRedisConnection<String, String> readsConnection;

    private StandaloneRedis(
            RedisClient client,
            StatefulRedisConnection<String, String> commands,
            StatefulRedisConnection<String, String> reads,
            TopicChannels channels,
            Duration commandTimeout,
            ClientResources resources) {
        super(commandTimeout, resources, commands.async(), reads.async(), channels);
        this.client = client;
        this.commandsConnection = commands;
        this.readsConnection = reads;
    }

    static StandaloneRedis connect(
            RedisURI uri,
            Duration commandTimeout,
            int requestQueueSize,
            ClientResources resources,
            Map<String, RedisTopic> byKey) {
        RedisClient client = RedisClient.create(resources, uri);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .requestQueueSize(requestQueueSize)
                .timeoutOptions(TimeoutOptions.enabled(commandTimeout))
                .build());
        try {
            return new StandaloneRedis(
                    client,
                    client.connect(),
                    client.connect(),
                    new TopicChannels(client.connectPubSub(), false, byKey),
                    commandTimeout,
                    resources);
        } catch (RuntimeException failed) { // the connections opened before it close with the client
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
            throw failed;
        }
    }

    @Override
    boolean cluster() {
        return false;
    }

    @Override
    RedisClusterAsyncCommands<String, String> commandsOf(String key) {
        return commands;
    }

    @Override
    String ping() {
        if (!commandsConnection.isOpen() || !readsConnection.isOpen() || !channels.isOpen()) {
            throw new IllegalStateException("a connection to Redis is not open (commands "
                    + commandsConnection.isOpen() + ", reads " + readsConnection.isOpen() + ", pubsub "
                    + channels.isOpen() + ")");
        }
        return await(reads.ping(), "Redis's answer to a PING");
    }

    @Override
    void closeClient() {
        channels.close();
        readsConnection.close();
        commandsConnection.close();
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
}
