package dev.spout.broker;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Small values the engine keeps for a while where every node finds them: the positions a stream of several topics
 * started from, so that its event ids stay short and a client resumes on any node. A broker that has no shared
 * store gives {@link #none()}; the engine then keeps them in its own memory, for its own node.
 *
 * <pre>{@code
 * checkpoints.save("k7Qx", positions, Duration.ofMinutes(20)).join();
 * Optional<byte[]> found = checkpoints.load("k7Qx");
 * }</pre>
 */
public interface Checkpoints {

    /** Keeps the value under the key for at least {@code ttl}; completes once every node can load it. */
    CompletableFuture<Void> save(String key, byte[] value, Duration ttl);

    /** The value under the key, if it is still kept. May block (a network round trip): call off event loops. */
    Optional<byte[]> load(String key);

    /** No shared store: the engine keeps checkpoints itself, for one node. */
    static Checkpoints none() {
        return NoCheckpoints.INSTANCE;
    }

    /** A store in this process's memory, for one node; bounded in how many it keeps. */
    static Checkpoints inMemory() {
        return new MemoryCheckpoints();
    }

    /** The store of {@link #none()}. */
    enum NoCheckpoints implements Checkpoints {
        INSTANCE;

        @Override
        public CompletableFuture<Void> save(String key, byte[] value, Duration ttl) {
            return CompletableFuture.failedFuture(new UnsupportedOperationException("No shared checkpoint store"));
        }

        @Override
        public Optional<byte[]> load(String key) {
            return Optional.empty();
        }
    }
}
