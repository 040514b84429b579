package dev.spout.engine.stream;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Thrown by {@link SseStream#send} and its siblings once the stream has ended, most often because the client went
 * away. A per-client handler usually just lets it propagate: Spout then ends the handler quietly.
 *
 * <pre>{@code
 * try {
 *     sse.send(update);
 * } catch (StreamClosedException e) {
 *     log.debug("{} left: {}", sse.request().remoteAddress(), e.reason());
 * }
 * }</pre>
 */
public final class StreamClosedException extends UncheckedIOException {
    private final CloseReason reason;

    /** The stream at {@code path} has ended for {@code reason}. */
    public StreamClosedException(String path, CloseReason reason) {
        super(message(path, reason), cause(reason));
        this.reason = reason;
    }

    /** Why the stream ended. */
    public CloseReason reason() {
        return reason;
    }

    private static String message(String path, CloseReason reason) {
        return "The SSE stream " + path + " is closed: "
                + switch (reason) {
                    case CloseReason.Completed c -> "it was completed";
                    case CloseReason.ClientGone g -> "the client went away";
                    case CloseReason.TooSlow s -> "the client was too slow (" + s.queuedBytes() + " bytes queued)";
                    case CloseReason.Failed f -> "its handler failed";
                    case CloseReason.ServerStopping s -> "the server is stopping";
                    case CloseReason.SessionEnded s -> "its session ended (the user signed out)";
                };
    }

    private static IOException cause(CloseReason reason) {
        Throwable cause = switch (reason) {
            case CloseReason.ClientGone g -> g.cause();
            case CloseReason.Failed f -> f.cause();
            default -> null;
        };
        return cause instanceof IOException io ? io : new IOException(cause);
    }
}
