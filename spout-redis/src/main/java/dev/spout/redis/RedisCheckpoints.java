package dev.spout.redis;

import dev.spout.broker.Checkpoints;
import io.lettuce.core.LettuceFutures;
import io.lettuce.core.SetArgs;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Checkpoints in Redis, so that a stream of several topics resumes on any node: each one a string key (prefix
 * {@code <keyPrefix>checkpoint\u0000}, which no topic's name can make) that expires after its time to live. On a
 * Redis Cluster each is on the slot of its own key, wherever its topics are.
 */
final class RedisCheckpoints implements Checkpoints {
    private final RedisClusterAsyncCommands<String, String> commands;
    private final RedisClusterAsyncCommands<String, String> reads;
    private final Duration commandTimeout;
    private final String prefix;

    RedisCheckpoints(RedisConnections redis, String keyPrefix) {
        this.commands = redis.commands;
        this.reads = redis.reads;
        this.commandTimeout = redis.commandTimeout;
        this.prefix = keyPrefix + "checkpoint" + RedisEvents.TOPIC_SEPARATOR;
    }

    @Override
    public CompletableFuture<Void> save(String key, byte[] value, Duration ttl) {
        String text = Base64.getEncoder().encodeToString(value);
        return commands.set(prefix + key, text, SetArgs.Builder.px(ttl.toMillis()))
                .toCompletableFuture()
                .thenAccept(ok -> {});
    }

    /** Blocks for at most the command timeout, failing as Lettuce's blocking commands do (a RedisException). */
    @Override
    public Optional<byte[]> load(String key) {
        String text =
                LettuceFutures.awaitOrCancel(reads.get(prefix + key), commandTimeout.toMillis(), TimeUnit.MILLISECONDS);
        return Optional.ofNullable(text).map(Base64.getDecoder()::decode);
    }
}
