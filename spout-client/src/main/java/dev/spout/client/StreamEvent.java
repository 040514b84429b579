package dev.spout.client;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.time.Duration;

/**
 * Everything that happens on an event source, as one closed set for an exhaustive {@code switch}. A source emits
 * {@link Open}, then messages and comments, then either {@link Reconnecting} and another {@link Open}, or one of the
 * two ends: {@link Failed} (the stream cannot go on) or {@link Closed}.
 *
 * <pre>{@code
 * switch (source.nextEvent()) {
 *     case MessageEvent message -> handle(message.data());
 *     case StreamEvent.Open open -> log.info("connected to {}", open.url());
 *     case StreamEvent.Reconnecting r -> log.warn("reconnecting in {}", r.delay(), r.cause());
 *     case StreamEvent.Failed failed -> throw failed.cause();
 *     case StreamEvent.Closed closed -> {}
 *     case StreamEvent.Comment c, StreamEvent.RetryChange r -> {}
 * }
 * }</pre>
 */
public sealed interface StreamEvent
        permits MessageEvent,
                StreamEvent.Open,
                StreamEvent.Comment,
                StreamEvent.RetryChange,
                StreamEvent.Reconnecting,
                StreamEvent.Failed,
                StreamEvent.Closed {

    /** The stream opened: a 200 response of type {@code text/event-stream}, from {@code url} (after redirects). */
    record Open(URI url, HttpHeaders headers) implements StreamEvent {}

    /** A comment line: often the server's heartbeat. */
    record Comment(String text) implements StreamEvent {}

    /** The server set a new reconnection delay. */
    record RetryChange(Duration delay) implements StreamEvent {}

    /** The connection dropped or could not be made; the source tries again after {@code delay}. */
    record Reconnecting(Duration delay, Throwable cause) implements StreamEvent {}

    /** The stream failed for good (for example 204, 404, or not an event stream): no reconnection. Final. */
    record Failed(EventSourceException cause) implements StreamEvent {}

    /** The source was closed, or the stream ended and reconnecting was off. Final. */
    record Closed() implements StreamEvent {}
}
