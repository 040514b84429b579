package dev.spout.server;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.function.Consumer;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notices at once when an HTTP/1.x client closes its connection in the middle of a stream.
 *
 * <p>Jetty stops reading an HTTP/1.1 connection once the request is in, so a client that leaves an idle stream is
 * only found by the next write, or never (measured: Jetty 12.1 reports it at server stop). This watcher keeps a read
 * interest on the connection for as long as the stream lasts; the end of input arrives as a readable event, and
 * the stream is closed within milliseconds. SSE responses on HTTP/1.x are sent with {@code Connection: close}, so
 * the connection is never handed back to Jetty for another request while this interest is registered. HTTP/2
 * needs none of this: Jetty reads its connections all the time and reports a reset stream as a request failure.
 */
final class DisconnectWatcher implements Callback {
    private static final Logger LOG = LoggerFactory.getLogger(DisconnectWatcher.class);

    private final EndPoint endPoint;
    private final Consumer<Throwable> onGone;

    private DisconnectWatcher(EndPoint endPoint, Consumer<Throwable> onGone) {
        this.endPoint = endPoint;
        this.onGone = onGone;
    }

    /** Whether the request came over HTTP/1.x, where the watcher is needed. */
    static boolean needed(Request request) {
        return request.getConnectionMetaData().getHttpVersion().getVersion() < 20;
    }

    /** Starts watching the request's connection; {@code onGone} runs when the client has closed it. */
    static void watch(Request request, Consumer<Throwable> onGone) {
        new DisconnectWatcher(request.getConnectionMetaData().getConnection().getEndPoint(), onGone).arm();
    }

    private void arm() {
        if (!endPoint.tryFillInterested(this)) {
            LOG.debug("Cannot watch {} for disconnects: a read is already pending", endPoint);
        }
    }

    @Override
    public void succeeded() {
        try {
            // Readable with no request expected: either the end of input or bytes a client should not send.
            ByteBuffer discard = BufferUtil.allocate(256);
            while (true) {
                int filled = endPoint.fill(discard);
                if (filled < 0) {
                    onGone.accept(new EofException("The client closed the connection"));
                    return;
                }
                if (filled == 0) {
                    arm();
                    return;
                }
                BufferUtil.clear(discard);
            }
        } catch (IOException failure) {
            onGone.accept(failure);
        }
    }

    @Override
    public void failed(Throwable failure) {
        onGone.accept(failure);
    }
}
