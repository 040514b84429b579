package dev.spout.redis;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * Publishes answered only once enough replicas have them ({@link RedisBrokerBuilder#waitForReplicas}). Redis's
 * {@code WAIT n timeout} blocks a connection until {@code n} replicas acknowledge every write made on that connection
 * before it (before Redis 7.2: all the master had written when the connection's previous command ran), or the
 * timeout; a script cannot call it. So each publish's script goes straight to the connection of its
 * keys' master (on a cluster, that node's own connection, not routed by Lettuce, which would follow a redirection to
 * another node) and, after a round of sends, one {@code WAIT} goes on each connection written to, pipelined behind
 * them: it confirms every publish of the round on that master at once (a {@code WAIT} per publish would hold each
 * one's connection for a replica's round trip). A script Redis does not know yet is sent in full, followed by a
 * {@code WAIT} of its own.
 *
 * <p>Why the {@code WAIT} vouches for its round: both are written, in order, by one thread within the round (micro- to
 * milliseconds). If the connection drops in between, the round's unanswered publishes fail (Lettuce refuses commands
 * while disconnected and fails those in flight); a {@code WAIT} on a new connection would vouch for nothing of the
 * old one, but a connection comes back to a new master only after a failover promoted it, which takes seconds (the
 * old master must first be found down): far longer than a round. A retry that finds its idempotency key writes the
 * key's record again (the publish scripts), so that its {@code WAIT} covers the first publish, whichever connection
 * wrote it.
 *
 * <p>A publish completes with its id once its script and its {@code WAIT} answered, the latter with at least the
 * replicas asked; with fewer, it fails with a {@link NotReplicatedException} (written on the master, maybe not kept);
 * if either fails, with that failure. Only the publishing thread sends: no lock.
 *
 * <pre>{@code
 * var waits = new ReplicaWaits(redis, new ReplicaWaits.Wanted(1, Duration.ofMillis(500)));
 * CompletableFuture<String> id = waits.send(RedisScripts.PUBLISH, keys, args); // on the publishing thread
 * waits.flush();                                                                // once the round is sent
 * }</pre>
 */
final class ReplicaWaits {

    /** How many replicas must have a publish, and how long to wait for them. */
    record Wanted(int replicas, Duration timeout) {}

    private final RedisConnections redis;
    private final int replicas;
    private final long timeoutMillis;
    private final Map<RedisClusterAsyncCommands<String, String>, List<Sent>> round = new IdentityHashMap<>();

    ReplicaWaits(RedisConnections redis, Wanted wanted) {
        this.redis = redis;
        this.replicas = wanted.replicas();
        this.timeoutMillis = wanted.timeout().toMillis();
    }

    /**
     * On the publishing thread: sends the script on the connection of its first key's master; the returned future
     * completes once the next {@link #flush} confirmed it.
     *
     * @throws io.lettuce.core.RedisException at once if that connection is not open (nothing sent)
     */
    CompletableFuture<String> send(RedisScripts script, String[] keys, String[] args) {
        RedisClusterAsyncCommands<String, String> node = redis.commandsOf(keys[0]);
        CompletableFuture<String> written = script.bySha(node, ScriptOutputType.VALUE, keys, args);
        var sent = new Sent(node, script, keys, args, written);
        round.computeIfAbsent(node, any -> new ArrayList<>()).add(sent);
        return sent.result;
    }

    /** On the publishing thread, after a round of sends: one WAIT on each connection written to. */
    void flush() {
        if (round.isEmpty()) {
            return;
        }
        round.forEach((node, sent) -> {
            CompletableFuture<Long> wait = waitOn(node);
            sent.forEach(each -> each.confirmedBy(wait));
        });
        round.clear();
    }

    private CompletableFuture<Long> waitOn(RedisClusterAsyncCommands<String, String> node) {
        try {
            return node.waitForReplication(replicas, timeoutMillis).toCompletableFuture();
        } catch (RuntimeException refused) { // disconnected since the round's publishes were written: they fail too
            return CompletableFuture.failedFuture(refused);
        }
    }

    /** One publish sent: where, what, and what its caller waits on. */
    private final class Sent {
        final RedisClusterAsyncCommands<String, String> node;
        final RedisScripts script;
        final String[] keys;
        final String[] args;
        final CompletableFuture<String> written;
        final CompletableFuture<String> result = new CompletableFuture<>();

        Sent(
                RedisClusterAsyncCommands<String, String> node,
                RedisScripts script,
                String[] keys,
                String[] args,
                CompletableFuture<String> written) {
            this.node = node;
            this.script = script;
            this.keys = keys;
            this.args = args;
            this.written = written;
        }

        void confirmedBy(CompletableFuture<Long> wait) {
            written.whenComplete((id, failure) -> {
                if (failure == null) {
                    wait.whenComplete((count, waitFailure) -> confirm(id, count, waitFailure));
                } else if (RedisScripts.cause(failure) instanceof RedisNoScriptException) {
                    inFull(); // its WAIT went before it ran: it needs one of its own
                } else {
                    result.completeExceptionally(RedisScripts.cause(failure));
                }
            });
        }

        /** On Lettuce's event loop: the script in full, then a WAIT of its own, in that order on the connection. */
        private void inFull() {
            CompletableFuture<String> again;
            CompletableFuture<Long> wait;
            try {
                again = script.inFull(node, ScriptOutputType.VALUE, keys, args);
                wait = waitOn(node);
            } catch (RuntimeException refused) {
                result.completeExceptionally(refused);
                return;
            }
            again.whenComplete((id, failure) -> {
                if (failure != null) {
                    result.completeExceptionally(RedisScripts.cause(failure));
                } else {
                    wait.whenComplete((count, waitFailure) -> confirm(id, count, waitFailure));
                }
            });
        }

        private void confirm(String id, @Nullable Long count, @Nullable Throwable failure) {
            if (failure != null) {
                result.completeExceptionally(RedisScripts.cause(failure));
            } else if (count < replicas) {
                result.completeExceptionally(new NotReplicatedException(id, replicas, count, timeoutMillis));
            } else {
                result.complete(id);
            }
        }
    }
}
