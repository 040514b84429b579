package dev.spout.redis;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The Lua scripts that publish: each appends to the streams, sets their time to live and tells the nodes, in one
 * atomic step, so no node can see an event out of its stream's order. Called by digest (EVALSHA); a Redis that does
 * not know the script (restarted, flushed) gets it in full once (EVAL, which also caches it).
 */
final class RedisScripts {
    static final RedisScripts PUBLISH = new RedisScripts("publish.lua");
    static final RedisScripts PUBLISH_MANY = new RedisScripts("publish-many.lua");

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
    CompletableFuture<String> run(StatefulRedisConnection<String, String> connection, String[] keys, String... args) {
        String sha = digest;
        if (sha == null) {
            sha = digest = connection.sync().digest(source);
        }
        CompletableFuture<String> bySha = connection
                .async()
                .<String>evalsha(sha, ScriptOutputType.VALUE, keys, args)
                .toCompletableFuture();
        return bySha.exceptionallyCompose(failure -> {
            Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
            if (cause instanceof RedisNoScriptException) {
                return connection
                        .async()
                        .<String>eval(source, ScriptOutputType.VALUE, keys, args)
                        .toCompletableFuture();
            }
            return CompletableFuture.failedFuture(cause);
        });
    }
}
