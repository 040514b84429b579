package dev.spout.engine.host;

import dev.spout.engine.auth.ClientRequest;
import dev.spout.engine.stream.CloseReason;
import java.nio.ByteBuffer;
import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.util.Callback;

/**
 * The HTTP side of one stream, as a host provides it: where its bytes go and how its response ends. Spout's own
 * server writes to Jetty's response (then straight to the connection's end point), a Servlet container through its
 * {@code WriteListener}, WebFlux as the elements of a {@code Flux}. The engine above it (the stream's write pump, its
 * topics, its heartbeats and bounds) is the same for all, so the wire format and the behaviour are too.
 *
 * <p>There is never more than one write at a time, and the next starts only after {@code done} completes; the first
 * write commits the response's headers (it may be empty: a stream with nothing to send yet still opens). No method is
 * called with a lock of the engine's held.
 *
 * <pre>{@code
 * final class QueueExchange implements StreamExchange {    // a host that hands the bytes to its own queue
 *     public void write(ByteBuffer bytes, Callback done) { queue.offer(copyOf(bytes)); done.succeeded(); }
 *     public void end(CloseReason reason) { queue.close(StreamExchange.aborts(reason)); }
 *     ...
 * }
 * }</pre>
 */
public interface StreamExchange {

    /** The request, while the stream still holds it (a handler's stream always does). */
    ClientRequest request();

    /**
     * Writes the bytes without blocking; {@code done} succeeds when all of them have been handed to the network and
     * the buffer may be reused, or fails when they cannot be (the client left).
     */
    void write(ByteBuffer bytes, Callback done);

    /** A write has completed. */
    default void written() {}

    /**
     * Lets go of what a topic stream no longer needs once the headers are out (it offers no request to read). Call
     * before the first write.
     */
    default void releaseAfterHeaders() {}

    /**
     * Ends the response, once: an abort when the client is gone, too slow or the session ended ({@link
     * #aborts(CloseReason)}), a clean end otherwise.
     */
    void end(CloseReason reason);

    /** The client's address, for logs and messages. */
    String remoteAddress();

    /** Whether a stream that ends for this reason is cut off rather than ended cleanly after its queued bytes. */
    static boolean aborts(CloseReason reason) {
        return reason instanceof CloseReason.ClientGone
                || reason instanceof CloseReason.TooSlow
                || reason instanceof CloseReason.SessionEnded;
    }

    /** Why a stream that ends for this reason is cut off, or null if it ends cleanly. */
    static Throwable abortCause(CloseReason reason) {
        return switch (reason) {
            case CloseReason.ClientGone gone -> gone.cause();
            case CloseReason.TooSlow slow ->
                new EofException("The client is too slow: " + slow.queuedBytes() + " bytes queued");
            case CloseReason.SessionEnded ended -> new EofException("The stream's session ended");
            default -> null;
        };
    }
}
