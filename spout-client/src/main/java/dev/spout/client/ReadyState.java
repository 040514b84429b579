package dev.spout.client;

/**
 * The state of an event source, as in the browser's {@code EventSource.readyState}.
 *
 * <pre>{@code
 * if (source.readyState() == ReadyState.CONNECTING) {
 *     showBanner("Reconnecting...");
 * }
 * }</pre>
 */
public enum ReadyState {
    /** Connecting or waiting to reconnect. */
    CONNECTING,
    /** The stream is open and events arrive. */
    OPEN,
    /** Closed or failed: nothing more will come. */
    CLOSED
}
