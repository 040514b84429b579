package dev.spout.broker;

import org.jspecify.annotations.Nullable;

/**
 * The engine's side of a topic on this node: what a {@link Broker} delivers events to. Implemented by Spout.
 *
 * <pre>{@code
 * // inside a broker, for each event of the topic, in order, from one thread at a time:
 * log.append(StoredEvent.of("1700000000000-0", SseEvent.of("hello"), 1700000000000L, "chat"));
 * }</pre>
 */
public interface TopicLog {

    /**
     * Delivers the next event of the topic: called in the topic's order, never concurrently. The event's bytes are
     * written once, with its id, and fanned out to every subscriber on this node.
     */
    void append(StoredEvent event);

    /** Whether this node has subscribers of the topic now, or some about to start: else it need not be delivered. */
    default boolean hasSubscribers() {
        return true;
    }

    /**
     * Events of the topic are lost to this node: the broker no longer has some it never delivered (trimmed while
     * the node could not read). The node's history is dropped and its subscribers' streams end, so that each client
     * resumes by the topic's gap policy rather than silently skipping them.
     */
    default void lost(String why) {}

    /** The id of the last event delivered to this node, or null if none: where a reconnecting broker resumes. */
    @Nullable
    String lastId();
}
