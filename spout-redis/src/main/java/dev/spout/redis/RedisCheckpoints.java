package dev.spout.redis;

import dev.spout.broker.Checkpoints;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Checkpoints in Redis, so that a stream of several topics resumes on any node: each one a string key (prefix
 * {@code <keyPrefix>checkpoint\u0000}, which no topic's name can make) that expires after its time to live.
 */
final class RedisCheckpoints implements Checkpoints {
    private final StatefulRedisConnection<String, String> connection;
    private final StatefulRedisConnection<String, String> reads;
    private final String prefix;

    RedisCheckpoints(
            StatefulRedisConnection<String, String> connection,
            StatefulRedisConnection<String, String> reads,
            String keyPrefix) {
        this.connection = connection;
        this.reads = reads;
        this.prefix = keyPrefix + "checkpoint" + RedisEvents.TOPIC_SEPARATOR;
    }

    @Override
    public CompletableFuture<Void> save(String key, byte[] value, Duration ttl) {
        String text = Base64.getEncoder().encodeToString(value);
        return connection
                .async()
                .set(prefix + key, text, SetArgs.Builder.px(ttl.toMillis()))
                .toCompletableFuture()
                .thenAccept(ok -> {});
    }

    @Override
    public Optional<byte[]> load(String key) {
        String text = reads.sync().get(prefix + key);
        return Optional.ofNullable(text).map(Base64.getDecoder()::decode);
    }
}
