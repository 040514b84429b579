package dev.spout.redis;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The Lua scripts: those that publish append to the streams, set their time to live and tell the nodes, in one
 * atomic step, so no node can see an event out of its stream's order; those of sessions read or change a session
 * and renew its time to live in one step, and never bring back one that expired. Called by digest (EVALSHA); a Redis that does
 * not know the script (restarted, flushed) gets it in full once (EVAL, which also caches it).
 */
final class RedisScripts {
    static final RedisScripts PUBLISH = new RedisScripts("publish.lua");
    static final RedisScripts PUBLISH_MANY = new RedisScripts("publish-many.lua");
    static final RedisScripts SESSION_CREATE = new RedisScripts("session-create.lua");
    static final RedisScripts SESSION_FIND = new RedisScripts("session-find.lua");
    static final RedisScripts SESSION_PUT = new RedisScripts("session-put.lua");

    private final String source;
    private volatile String digest;

    private RedisScripts(String resource) {
        try (InputStream in = RedisScripts.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The script " + resource + " is missing from spout-redis");
            }
            this.source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs the script; completes with what it returns (the event's id). */
    CompletableFuture<String> run(RedisClusterAsyncCommands<String, String> redis, String[] keys, String... args) {
        return run(redis, ScriptOutputType.VALUE, keys, args);
    }

    /**
     * Runs the script; completes with what it returns, as the output type says. On a Redis Cluster it runs on the
     * master of its first key's slot (Lettuce routes it), and every key it is given must be on that slot.
     */
    <T> CompletableFuture<T> run(
            RedisClusterAsyncCommands<String, String> redis, ScriptOutputType output, String[] keys, String... args) {
        CompletableFuture<T> bySha = bySha(redis, output, keys, args);
        return bySha.exceptionallyCompose(failure -> {
            Throwable cause = cause(failure);
            if (cause instanceof RedisNoScriptException) { // each master of a cluster learns it on its first EVAL
                return inFull(redis, output, keys, args);
            }
            return CompletableFuture.failedFuture(cause);
        });
    }

    /** Sends the script by its digest (EVALSHA): fails with Lettuce's {@code RedisNoScriptException} if unknown. */
    <T> CompletableFuture<T> bySha(
            RedisClusterAsyncCommands<String, String> redis, ScriptOutputType output, String[] keys, String... args) {
        String sha = digest;
        if (sha == null) {
            sha = digest = redis.digest(source);
        }
        return redis.<T>evalsha(sha, output, keys, args).toCompletableFuture();
    }

    /** Sends the script in full (EVAL), which also makes Redis keep it for the digest. */
    <T> CompletableFuture<T> inFull(
            RedisClusterAsyncCommands<String, String> redis, ScriptOutputType output, String[] keys, String... args) {
        return redis.<T>eval(source, output, keys, args).toCompletableFuture();
    }

    /** The failure a future completed with, unwrapped ({@code RedisNoScriptException}: send the script in full). */
    static Throwable cause(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }
}
