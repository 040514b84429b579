package dev.spout.client;

import java.time.Duration;

/**
 * Callbacks for the push style: every method does nothing unless overridden. They run on the source's own
 * (virtual) thread, one at a time and in stream order; a slow listener slows only its own stream.
 *
 * <pre>{@code
 * EventSource.builder(uri).connect(new EventSourceListener() {
 *     @Override public void onMessage(MessageEvent event) { prices.update(event.data()); }
 *     @Override public void onFailure(EventSourceException failure) { alert(failure); }
 * });
 * }</pre>
 */
public interface EventSourceListener {

    default void onOpen(StreamEvent.Open open) {}

    default void onMessage(MessageEvent event) {}

    default void onComment(String comment) {}

    default void onRetryChange(Duration delay) {}

    /** The connection dropped or failed; the source reconnects after {@code delay}. */
    default void onReconnecting(Duration delay, Throwable cause) {}

    /** The stream failed for good; nothing follows but {@link #onClosed()}. */
    default void onFailure(EventSourceException failure) {}

    /** The source is closed: the last call. */
    default void onClosed() {}
}
