package dev.spout.sse;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One server-sent event: its data and, optionally, its type (the {@code event} field), its id and the client's
 * reconnection delay (the {@code retry} field, which the WHATWG rules let any event carry).
 *
 * <p>An event is safe by construction: a name or id containing CR or LF (or an id containing NUL) is refused
 * with {@link IllegalArgumentException}, so it can never forge fields or events on the wire. Data may contain any
 * line breaks; the {@link SseEncoder} turns them into several {@code data:} lines, which the client joins with
 * {@code \n}.
 *
 * <pre>{@code
 * var event = SseEvent.of("{\"price\": 42}").withEvent("price").withId("7");
 * // on the wire:  id: 7\nevent: price\ndata: {"price": 42}\n\n
 * var patient = event.withRetry(Duration.ofSeconds(2));
 * // on the wire:  id: 7\nevent: price\nretry: 2000\ndata: {"price": 42}\n\n
 * }</pre>
 *
 * @param data the data, never null; may be empty or span lines
 * @param event the event type, or null for the default type {@code message}
 * @param id the id, or null to leave the client's last event id unchanged; the empty string resets it
 * @param retry the reconnection delay the client should use from this event on (whole milliseconds on the wire), or
 *     null to leave it unchanged
 */
public record SseEvent(
        String data,
        @Nullable String event,
        @Nullable String id,
        @Nullable Duration retry) {

    public SseEvent {
        Objects.requireNonNull(data, "data must not be null (send \"\" for an empty event)");
        SseFields.checkEventName(event);
        SseFields.checkId(id);
        if (retry != null && retry.isNegative()) {
            throw new InvalidEventException("A reconnection delay must be zero or more, got " + retry);
        }
    }

    /** An event without a reconnection delay. */
    public SseEvent(String data, @Nullable String event, @Nullable String id) {
        this(data, event, id, null);
    }

    /** An event of the default type {@code message}, without an id. */
    public static SseEvent of(String data) {
        return new SseEvent(data, null, null, null);
    }

    /** An event with the given type and id; either may be null. */
    public static SseEvent of(String data, @Nullable String event, @Nullable String id) {
        return new SseEvent(data, event, id, null);
    }

    /** This event with other data. */
    public SseEvent withData(String data) {
        return new SseEvent(data, event, id, retry);
    }

    /** This event with the given type; null means the default type {@code message}. */
    public SseEvent withEvent(@Nullable String event) {
        return new SseEvent(data, event, id, retry);
    }

    /** This event with the given id; null means none. */
    public SseEvent withId(@Nullable String id) {
        return new SseEvent(data, event, id, retry);
    }

    /**
     * This event with a {@code retry} field: the client waits this long before it reconnects, from this event on.
     * Null means none.
     *
     * @throws InvalidEventException if the delay is negative
     */
    public SseEvent withRetry(@Nullable Duration retry) {
        return new SseEvent(data, event, id, retry);
    }

    /** The type a client dispatches this event as: the event name, or {@code message} when there is none. */
    public String type() {
        return event == null || event.isEmpty() ? "message" : event;
    }
}
