package dev.spout.engine.internal.stream;

import dev.spout.engine.stream.SlowClientPolicy;
import java.time.Duration;

/**
 * The application's settings that every stream follows.
 *
 * @param heartbeat how long a stream may write nothing before a comment goes out ({@link Duration#ZERO}: never)
 * @param writeTimeout how long one write may wait for a client that does not read
 * @param maxQueuedBytes the most bytes that may wait for one client
 * @param slowClients what happens to a client beyond that bound
 * @param maxStreams the most streams open at once
 * @param maxStreamsPerAddress the most streams open at once from one address
 * @param retryAfter the {@code Retry-After} of a refusal at a limit
 * @param maxCheckpoints the most checkpoints this node's streams keep in the store ({@link CheckpointBudget})
 * @param maxCheckpointsPerClient the most that streams with no place behind them keep per client
 */
public record StreamSettings(
        Duration heartbeat,
        Duration writeTimeout,
        long maxQueuedBytes,
        SlowClientPolicy slowClients,
        int maxStreams,
        int maxStreamsPerAddress,
        Duration retryAfter,
        int maxCheckpoints,
        int maxCheckpointsPerClient) {

    /** The same settings with another heartbeat interval. */
    public StreamSettings withHeartbeat(Duration interval) {
        return new StreamSettings(
                interval,
                writeTimeout,
                maxQueuedBytes,
                slowClients,
                maxStreams,
                maxStreamsPerAddress,
                retryAfter,
                maxCheckpoints,
                maxCheckpointsPerClient);
    }
}
