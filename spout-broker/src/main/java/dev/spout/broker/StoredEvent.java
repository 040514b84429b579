package dev.spout.broker;

import dev.spout.sse.SseEvent;
import java.util.Objects;

/**
 * An event as a broker stores it: its id in the topic's order, the event, and when it was published.
 *
 * <pre>{@code
 * Optional<List<StoredEvent>> missed = topic.readRange("1700000000000-3", "1700000000000-9");
 * missed.ifPresent(events -> events.forEach(e -> System.out.println(e.id() + ": " + e.event().data())));
 * }</pre>
 *
 * @param id the id in the topic: what clients send back as {@code Last-Event-ID}
 * @param event the event
 * @param timestampMillis when it was published, in epoch milliseconds
 */
public record StoredEvent(String id, SseEvent event, long timestampMillis) {
    public StoredEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(event, "event");
    }
}
