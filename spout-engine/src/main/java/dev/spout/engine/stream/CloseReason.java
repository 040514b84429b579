package dev.spout.engine.stream;

/**
 * Why a stream ended. Close listeners receive exactly one, once.
 *
 * <pre>{@code
 * sse.onClose(reason -> {
 *     switch (reason) {
 *         case CloseReason.Completed c -> log.info("handler finished");
 *         case CloseReason.ClientGone gone -> log.info("client left: {}", gone.cause().toString());
 *         case CloseReason.TooSlow slow -> log.warn("client cut off with {} bytes queued", slow.queuedBytes());
 *         case CloseReason.Failed failed -> log.warn("handler failed", failed.cause());
 *         case CloseReason.ServerStopping s -> log.info("shutting down");
 *         case CloseReason.SessionEnded s -> log.info("signed out");
 *     }
 * });
 * }</pre>
 */
public sealed interface CloseReason {

    /** The application ended the stream: its handler returned, or it called {@code close()}. */
    record Completed() implements CloseReason {}

    /** The client went away: it closed the connection, or a write to it failed or timed out. */
    record ClientGone(Throwable cause) implements CloseReason {}

    /**
     * The client did not read fast enough: more than {@link dev.spout.engine.EngineOptions#maxQueuedBytes} waited for it. It was
     * disconnected; a browser reconnects and resumes from the topic's history.
     */
    record TooSlow(long queuedBytes) implements CloseReason {}

    /** The handler threw; the exception has been logged once, with the path. */
    record Failed(Throwable cause) implements CloseReason {}

    /** The server is stopping; the client will reconnect, to this server or another. */
    record ServerStopping() implements CloseReason {}

    /**
     * The session the stream was opened with ended (its user signed out, or it was invalidated), or the credentials
     * it was opened with expired (a token, {@code EventFilter.endsAt}): what it streamed was meant for them, so it
     * stops at once. A client that reconnects is then asked again who it is.
     */
    record SessionEnded() implements CloseReason {}
}
