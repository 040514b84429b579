package dev.spout.server.internal.stream;

import dev.spout.broker.internal.log.Logs;
import dev.spout.engine.host.HostedStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.EventListener;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.io.ByteBufferPool;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.io.RetainableByteBuffer;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;

/**
 * The HTTP/1.x connection of one event stream: notices at once when the client closes it, and, once the response
 * headers are out, takes the connection over from Jetty so that an idle stream costs little more than its socket.
 *
 * <p><b>Disconnects.</b> Jetty stops reading an HTTP/1.1 connection once the request is in, so a client that leaves
 * an idle stream is only found by the next write, or never (measured: Jetty 12.1 reports it at server stop). This
 * keeps a read interest on the connection for as long as the stream lasts; the end of input arrives as a readable
 * event, and the stream is closed within milliseconds. SSE responses on HTTP/1.x are sent with {@code Connection:
 * close}, so the connection is never handed back to Jetty for another request. HTTP/2 needs none of this: Jetty
 * reads its connections all the time and reports a reset stream as a request failure.
 *
 * <p><b>Taking over.</b> An HTTP/1.x stream's body is delimited by the end of the connection, and Spout writes it
 * straight on the end point (see {@link JettyExchange}). After the headers, Jetty's connection has nothing left to do but hold the
 * request, the response, their header fields, the parser and the generator: about 3 KiB a stream, measured with a
 * heap histogram of 10,000 idle streams. {@link #takeOver()} makes this object the end point's connection instead
 * (the same move Jetty makes for a protocol upgrade), and the rest becomes garbage. From then on Jetty's selector
 * reports idle timeouts and the closing of the connection here, and the stream ends its body itself, by closing the connection.
 */
final class StreamConnection implements Connection, Callback {
    private static final Logger LOG = Logs.logger(StreamConnection.class);
    private static final int DISCARD_SIZE = 256;

    private final EndPoint endPoint;
    private final HostedStream stream;
    private final ByteBufferPool pool;
    private List<EventListener> listeners; // created on first use: nothing listens to a connection taken over late

    private StreamConnection(EndPoint endPoint, HostedStream stream, ByteBufferPool pool) {
        this.endPoint = endPoint;
        this.stream = stream;
        this.pool = pool;
    }

    /**
     * Whether the request came over HTTP/1.x: the stream then needs this watcher, and its body, sent with {@code
     * Connection: close}, is delimited by the end of the connection (never chunked: Jetty chunks only persistent
     * HTTP/1.1 responses), so Spout may write the event bytes on the end point as they are.
     */
    static boolean needed(Request request) {
        return request.getConnectionMetaData().getHttpVersion().getVersion() < 20;
    }

    /** The end point under the request, for a stream's own writes. */
    static EndPoint endPoint(Request request) {
        return request.getConnectionMetaData().getConnection().getEndPoint();
    }

    /** Starts watching the stream's connection: the stream closes when the client has closed it. */
    static StreamConnection watch(Request request, HostedStream stream, ByteBufferPool pool) {
        var connection = new StreamConnection(endPoint(request), stream, pool);
        connection.arm();
        return connection;
    }

    /**
     * Becomes the end point's connection in place of Jetty's, which is left to the garbage collector; and turns the
     * end point's idle timeout off. An open stream ignores it ({@link #onIdleExpired}: heartbeats find dead peers, the
     * write timeout stalled ones) and a stream that ends closes the connection itself, so the timer task Jetty keeps
     * scheduled per connection (about 100 bytes, and a wake-up every idle period) would serve nothing.
     */
    void takeOver() {
        endPoint.setConnection(this);
        endPoint.setIdleTimeout(0);
    }

    private void arm() {
        if (!endPoint.tryFillInterested(this)) {
            LOG.debug("Cannot watch {} for disconnects: a read is already pending", endPoint);
        }
    }

    /** Readable with no request expected: either the end of input or bytes a client should not send. */
    @Override
    public void succeeded() {
        RetainableByteBuffer discard = pool.acquire(DISCARD_SIZE, false);
        try {
            ByteBuffer bytes = discard.getByteBuffer();
            while (true) {
                BufferUtil.clear(bytes);
                int filled = endPoint.fill(bytes);
                if (filled < 0) {
                    gone(new ClientClosed("The client closed the connection"));
                    return;
                }
                if (filled == 0) {
                    arm();
                    return;
                }
            }
        } catch (IOException failure) {
            gone(failure);
        } finally {
            discard.release();
        }
    }

    @Override
    public void failed(Throwable failure) {
        gone(failure);
    }

    private void gone(Throwable cause) {
        stream.clientGone(cause);
    }

    @Override
    public void onOpen() {
        // Installed by takeOver(), on a connection Jetty opened long ago: nothing to start.
    }

    @Override
    public void onClose(Throwable cause) {
        gone(cause != null ? cause : new ClientClosed("The connection was closed"));
        List<EventListener> toNotify;
        synchronized (this) {
            toNotify = listeners == null ? List.of() : List.copyOf(listeners);
        }
        for (EventListener listener : toNotify) {
            if (listener instanceof Connection.Listener closed) {
                closed.onClosed(this);
            }
        }
    }

    /** An idle stream is healthy: heartbeats find dead peers, and the write timeout finds stalled ones. */
    @Override
    public boolean onIdleExpired(TimeoutException timeout) {
        return !stream.isOpen();
    }

    @Override
    public EndPoint getEndPoint() {
        return endPoint;
    }

    @Override
    public void close() {
        endPoint.close();
    }

    @Override
    public synchronized void addEventListener(EventListener listener) {
        if (listeners == null) {
            listeners = new ArrayList<>(1);
        }
        listeners.add(listener);
    }

    @Override
    public synchronized void removeEventListener(EventListener listener) {
        if (listeners != null) {
            listeners.remove(listener);
        }
    }

    @Override
    public long getMessagesIn() {
        return -1;
    }

    @Override
    public long getMessagesOut() {
        return -1;
    }

    @Override
    public long getBytesIn() {
        return -1;
    }

    @Override
    public long getBytesOut() {
        return -1;
    }

    @Override
    public long getCreatedTimeStamp() {
        return endPoint.getCreatedTimeStamp();
    }

    @Override
    public String toString() {
        return "StreamConnection[" + stream + "]";
    }

    /**
     * The end of a client's input: an expected event, not a fault, so it carries no stack trace (whose capture would
     * be most of the cost of a disconnect when thousands of clients leave at once).
     */
    static final class ClientClosed extends EofException {
        ClientClosed(String message) {
            super(message);
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }
}
