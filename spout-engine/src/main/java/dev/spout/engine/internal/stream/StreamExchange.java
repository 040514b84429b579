package dev.spout.engine.internal.stream;

import dev.spout.engine.auth.ClientRequest;
import dev.spout.engine.stream.CloseReason;
import java.nio.ByteBuffer;
import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.util.Callback;

/**
 * The HTTP side of one stream, whatever serves it: where its bytes go and how its response ends. Spout's own server
 * has {@code JettyExchange}; a Servlet container has spout-servlet's. The engine above it (the {@link EventStream},
 * its {@link WritePump}, the topics) is the same for both, so the wire format, the heartbeats and the slow-client
 * bounds are too.
 *
 * <p>The pump calls {@link #beforeWrite} and {@link #committedOrEmpty} with the stream's lock held, {@link #write}
 * without it; there is never more than one write at a time, and the next starts only after {@code done} completes.
 */
public interface StreamExchange {

    /** The request, while the stream still holds it (a handler's stream always does). */
    ClientRequest request();

    /**
     * Called with the stream's lock held, once per write, before {@link #write}; what it returns is handed to that
     * write (Spout's own server says there whether the write goes through Jetty's response).
     */
    boolean beforeWrite();

    /**
     * Nothing to write: an empty buffer if the headers have not gone out yet (writing it commits them), else null.
     * Called with the stream's lock held.
     */
    ByteBuffer committedOrEmpty();

    /**
     * Writes the bytes without blocking; {@code done} succeeds when all of them have been handed to the network and
     * the buffer may be reused, or fails when they cannot be (the client left).
     */
    void write(ByteBuffer bytes, Callback done, boolean route);

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
