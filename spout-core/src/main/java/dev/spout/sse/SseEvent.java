package dev.spout.sse;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One server-sent event: its data and, optionally, its type (the {@code event} field) and id.
 *
 * <p>An event is safe by construction: a name or id containing CR or LF (or an id containing NUL) is refused
 * with {@link IllegalArgumentException}, so it can never forge fields or events on the wire. Data may contain any
 * line breaks; the {@link SseEncoder} turns them into several {@code data:} lines, which the client joins with
 * {@code \n}.
 *
 * <pre>{@code
 * var event = SseEvent.of("{\"price\": 42}").withEvent("price").withId("7");
 * // on the wire:  id: 7\nevent: price\ndata: {"price": 42}\n\n
 * }</pre>
 *
 * @param data the data, never null; may be empty or span lines
 * @param event the event type, or null for the default type {@code message}
 * @param id the id, or null to leave the client's last event id unchanged; the empty string resets it
 */
public record SseEvent(
        String data, @Nullable String event, @Nullable String id) {

    public SseEvent {
        Objects.requireNonNull(data, "data must not be null (send \"\" for an empty event)");
        SseFields.checkEventName(event);
        SseFields.checkId(id);
    }

    /** An event of the default type {@code message}, without an id. */
    public static SseEvent of(String data) {
        return new SseEvent(data, null, null);
    }

    /** An event with the given type and id; either may be null. */
    public static SseEvent of(String data, @Nullable String event, @Nullable String id) {
        return new SseEvent(data, event, id);
    }

    /** This event with other data. */
    public SseEvent withData(String data) {
        return new SseEvent(data, event, id);
    }

    /** This event with the given type; null means the default type {@code message}. */
    public SseEvent withEvent(@Nullable String event) {
        return new SseEvent(data, event, id);
    }

    /** This event with the given id; null means none. */
    public SseEvent withId(@Nullable String id) {
        return new SseEvent(data, event, id);
    }

    /** The type a client dispatches this event as: the event name, or {@code message} when there is none. */
    public String type() {
        return event == null || event.isEmpty() ? "message" : event;
    }
}
