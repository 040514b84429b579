package dev.spout.engine.stream;

/**
 * What happens to a client that cannot keep up, once the bytes queued for it exceed {@link
 * dev.spout.engine.EngineOptions#maxQueuedBytes}. Either way it never delays the other clients, and the memory held for it stays
 * within the bound.
 *
 * <pre>{@code
 * Spout.create(options -> options.maxQueuedBytes(256 * 1024).slowClients(SlowClientPolicy.dropOldest()));
 * }</pre>
 */
public sealed interface SlowClientPolicy {

    /**
     * Ends the stream (the default). The client reconnects with its {@code Last-Event-ID} and resumes from the
     * topic's history, so nothing is lost while the history still covers what it missed.
     */
    static SlowClientPolicy disconnect() {
        return Disconnect.INSTANCE;
    }

    /**
     * Skips the oldest events queued for the client, keeping the stream open: for streams where only the latest
     * values matter (prices, gauges). The skipped events are counted as dropped.
     */
    static SlowClientPolicy dropOldest() {
        return DropOldest.INSTANCE;
    }

    /** See {@link #disconnect()}. */
    enum Disconnect implements SlowClientPolicy {
        INSTANCE
    }

    /** See {@link #dropOldest()}. */
    enum DropOldest implements SlowClientPolicy {
        INSTANCE
    }
}
