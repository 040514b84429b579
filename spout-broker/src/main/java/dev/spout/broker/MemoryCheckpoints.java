package dev.spout.broker;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checkpoints in this process, each kept for its time to live, at most {@value #MAX} of them: when that many are
 * live, a save is refused (the stream keeps the positions it has) rather than memory growing without bound.
 */
final class MemoryCheckpoints implements Checkpoints {
    static final int MAX = 200_000;

    private record Kept(byte[] value, long expiresNanos) {}

    private final Map<String, Kept> kept = new ConcurrentHashMap<>();

    @Override
    public CompletableFuture<Void> save(String key, byte[] value, Duration ttl) {
        long now = System.nanoTime();
        if (kept.size() >= MAX) {
            kept.values().removeIf(k -> k.expiresNanos() - now < 0);
            if (kept.size() >= MAX) {
                return CompletableFuture.failedFuture(
                        new IllegalStateException("The in-memory checkpoint store holds " + MAX + " live checkpoints"));
            }
        }
        kept.put(key, new Kept(value.clone(), now + ttl.toNanos()));
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
