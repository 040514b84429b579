package dev.spout.engine.internal.stream;

import dev.spout.broker.Checkpoints;
import dev.spout.engine.auth.AddressPrefix;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * How many checkpoints this node's streams may keep in the store, in all and per client: anyone may open streams of
 * several topics, and each saves a checkpoint kept for an hour or more, so without a bound an anonymous client
 * fills the store (2,000 opens made 2,000 Redis keys) and, once the store refuses, legitimate streams lose exact
 * resume too.
 *
 * <p>The policy never takes exact resume from a stream that has it. A checkpoint that continues one (a renewal, or
 * the first of a stream that resumed exactly from the checkpoint its id named) may use the whole budget and is never
 * counted against its client. A stream with no place behind it (a new client, or an id that named none) saves its
 * first checkpoint only while its client (an IPv4 address, an IPv6 /64) keeps fewer than {@code perClient} and
 * the store is below nine tenths of {@code total}; past either, it streams on without one: its ids name no
 * checkpoint, so a client that resumes with one gets its topics' gap policy, as after a store failure. The tenth
 * kept back is for the streams that have exact resume.
 *
 * <p>Live checkpoints are counted by their expiry in a priority queue: a save pops those that have expired, so no
 * save ever scans the store. Sizes are this node's; several nodes on one store keep at most their sum.
 */
final class CheckpointBudget {
    private record Live(long expiresNanos, @Nullable String client) {}

    /** A save refused by the budget: its stream goes on without exact resume. */
    static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message, null, false, false);
        }
    }

    private final Checkpoints store;
    private final int total;
    private final int perClient;
    private final PriorityQueue<Live> live =
            new PriorityQueue<>((a, b) -> Long.compare(a.expiresNanos, b.expiresNanos));
    private final Map<String, Integer> byClient = new HashMap<>();

    CheckpointBudget(Checkpoints store, int total, int perClient) {
        this.store = store;
        this.total = total;
        this.perClient = perClient;
    }

    /**
     * Saves a checkpoint within the budget; a refused one fails with {@link Refused} and never reaches the store.
     *
     * @param address the client's address for a stream with no place behind it, or null for one that continues a
     *     stream with exact resume
     */
    CompletableFuture<Void> save(String key, byte[] value, Duration ttl, @Nullable String address) {
        String refusal = take(address == null ? null : AddressPrefix.of(address), System.nanoTime() + ttl.toNanos());
        if (refusal != null) {
            return CompletableFuture.failedFuture(new Refused(refusal));
        }
        return store.save(key, value, ttl);
    }

    Optional<byte[]> load(String key) {
        return store.load(key);
    }

    /** Counts a checkpoint in; the reason it may not be saved, or null. */
    private synchronized @Nullable String take(@Nullable String client, long expiresNanos) {
        long now = System.nanoTime();
        while (!live.isEmpty() && live.peek().expiresNanos - now <= 0) {
            Live expired = live.poll();
            if (expired.client != null) {
                byClient.computeIfPresent(expired.client, (c, count) -> count == 1 ? null : count - 1);
            }
        }
        if (client != null) {
            if (live.size() >= total - total / 10) {
                return "this node keeps " + live.size() + " checkpoints: the rest of its " + total
                        + " are kept for streams that resume exactly";
            }
            int own = byClient.getOrDefault(client, 0);
            if (own >= perClient) {
                return "the client " + client + " keeps " + own + " checkpoints already";
            }
            byClient.put(client, own + 1);
        } else if (live.size() >= total) {
            return "this node keeps " + total + " checkpoints";
        }
        live.add(new Live(expiresNanos, client));
        return null;
    }

    /** The checkpoints counted now (for tests and stats). */
    synchronized int live() {
        return live.size();
    }
}
