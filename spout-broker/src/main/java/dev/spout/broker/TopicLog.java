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

    /** The id of the last event delivered to this node, or null if none: where a reconnecting broker resumes. */
    @Nullable
    String lastId();
}
