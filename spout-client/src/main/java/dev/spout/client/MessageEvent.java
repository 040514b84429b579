package dev.spout.client;

import java.util.Objects;

/**
 * A dispatched event, as a browser's {@code MessageEvent} presents it.
 *
 * <pre>{@code
 * for (MessageEvent event : source) {
 *     System.out.println(event.type() + " #" + event.lastEventId() + ": " + event.data());
 * }
 * }</pre>
 *
 * @param type the event type: the {@code event} field, or {@code message}
 * @param data the data lines joined with {@code \n}
 * @param lastEventId the stream's last event id when the event was dispatched (ids persist between events)
 * @param origin the origin of the URL the stream came from, after redirects ({@code https://example.com:8443})
 */
public record MessageEvent(String type, String data, String lastEventId, String origin) implements StreamEvent {
    public MessageEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(lastEventId, "lastEventId");
        Objects.requireNonNull(origin, "origin");
    }
}
