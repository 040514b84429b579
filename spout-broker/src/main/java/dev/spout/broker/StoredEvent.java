package dev.spout.broker;

import dev.spout.sse.SseEvent;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An event as a broker stores and delivers it: its id in the topic's order, the event, when it was published, the
 * topics it was published to (one, or several at once with the same id in each), and its bytes if the broker
 * carries them.
 *
 * <pre>{@code
 * Optional<List<StoredEvent>> missed = topic.readPage("1700000000000-3", "1700000000000-9", 100).join();
 * missed.ifPresent(events -> events.forEach(e -> System.out.println(e.id() + ": " + e.event().data())));
 * }</pre>
 *
 * @param id the id in the topic: what clients send back as {@code Last-Event-ID}
 * @param event the event (its own id, if any, is replaced by {@code id})
 * @param timestampMillis when it was published, in epoch milliseconds
 * @param topics the names of every topic the event was published to, this one included
 * @param encoded the event's wire bytes without an {@code id} line, as the engine encoded them at publish, or null
 *     if the broker did not carry them (the engine then encodes the event)
 * @param labels what the publisher said of the event besides it (never sent to clients): what a subscription's
 *     filter reads, such as the topics of a Mercure update; empty for most events
 */
public record StoredEvent(
        String id,
        SseEvent event,
        long timestampMillis,
        List<String> topics,
        byte @Nullable [] encoded,
        List<String> labels) {
    public StoredEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(event, "event");
        topics = List.copyOf(topics);
        labels = List.copyOf(labels);
        if (topics.isEmpty()) {
            throw new IllegalArgumentException("An event belongs to at least one topic");
        }
    }

    /** An event without labels. */
    public StoredEvent(
            String id, SseEvent event, long timestampMillis, List<String> topics, byte @Nullable [] encoded) {
        this(id, event, timestampMillis, topics, encoded, List.of());
    }

    /** An event of one topic, without its bytes. */
    public static StoredEvent of(String id, SseEvent event, long timestampMillis, String topic) {
        return new StoredEvent(id, event, timestampMillis, List.of(topic), null);
    }
}
