package dev.spout.broker;

import dev.spout.sse.SseEvent;
import org.jspecify.annotations.Nullable;

/**
 * The engine's side of a topic on this node: what a {@link Broker} delivers events to. Implemented by Spout.
 *
 * <pre>{@code
 * // inside a broker, for each event of the topic, in order, from one thread at a time:
 * log.append("1700000000000-0", SseEvent.of("hello"), null, 1700000000000L);
 * }</pre>
 */
public interface TopicLog {

    /**
     * Delivers the next event of the topic: called in the topic's order, never concurrently. The event's bytes are
     * written once, with {@code id}, and fanned out to every subscriber on this node.
     *
     * @param id the event's id in the topic: what clients send back as {@code Last-Event-ID}
     * @param event the event (its own id, if any, is replaced by {@code id})
     * @param encoded the event's wire bytes without an {@code id} line, as {@link BrokerTopic#publish} received
     *     them, or null if the broker did not carry them (the engine then encodes the event)
     * @param timestampMillis when the event was published, for history expiry
     */
    void append(String id, SseEvent event, byte @Nullable [] encoded, long timestampMillis);

    /** {@link #append(String, SseEvent, byte[], long)} for a broker that carries only the event. */
    default void append(String id, SseEvent event, long timestampMillis) {
        append(id, event, null, timestampMillis);
    }

    /** The id of the last event delivered to this node, or null if none: where a reconnecting broker resumes. */
    @Nullable
    String lastId();
}
