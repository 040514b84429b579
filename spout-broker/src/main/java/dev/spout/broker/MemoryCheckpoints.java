package dev.spout.broker;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checkpoints in this process, each kept for its time to live, at most {@value #MAX} of them: when that many are
 * live, a save is refused (the stream keeps the positions it has) rather than memory growing without bound. Expired
 * ones leave in the order they expire, from a priority queue, so no save scans the store.
 */
final class MemoryCheckpoints implements Checkpoints {
    static final int MAX = 200_000;

    private record Kept(byte[] value, long expiresNanos) {}

    private record Expiry(long expiresNanos, String key) {}

    private final Map<String, Kept> kept = new ConcurrentHashMap<>();
    private final PriorityQueue<Expiry> expiries =
            new PriorityQueue<>((a, b) -> Long.compare(a.expiresNanos, b.expiresNanos));

    @Override
    public CompletableFuture<Void> save(String key, byte[] value, Duration ttl) {
        long now = System.nanoTime();
        var entry = new Kept(value.clone(), now + ttl.toNanos());
        synchronized (expiries) {
            while (!expiries.isEmpty() && expiries.peek().expiresNanos - now <= 0) {
                Expiry expired = expiries.poll();
                kept.computeIfPresent(expired.key, (k, v) -> v.expiresNanos == expired.expiresNanos ? null : v);
            }
            if (kept.size() >= MAX && !kept.containsKey(key)) {
                return CompletableFuture.failedFuture(
                        new IllegalStateException("The in-memory checkpoint store holds " + MAX + " live checkpoints"));
            }
            kept.put(key, entry);
            expiries.add(new Expiry(entry.expiresNanos, key));
        }
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public Optional<byte[]> load(String key) {
        Kept found = kept.get(key);
        if (found == null || found.expiresNanos() - System.nanoTime() < 0) {
            return Optional.empty();
        }
        return Optional.of(found.value().clone());
    }
}
