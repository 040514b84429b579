package dev.spout.server.internal.stream;

import dev.spout.engine.auth.ClientRequest;
import dev.spout.engine.host.HostedStream;
import dev.spout.engine.host.StreamExchange;
import dev.spout.engine.stream.CloseReason;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The HTTP side of one stream: where its bytes go and how its response ends.
 *
 * <p>The first write goes through Jetty's response, which sends the headers. On HTTP/1.x the response carries
 * {@code Connection: close}, so Jetty delimits its body by the end of the connection, not by chunks: every later
 * write goes straight to the connection's end point, the event bytes as they are, with no detour through Jetty's
 * response machinery (which costs about as much again as the system call). A topic stream then lets go of Jetty's
 * request and response altogether ({@link StreamConnection#takeOver()}), so an idle stream holds little more than
 * its socket. On HTTP/2 every later write is a DATA frame handed to Jetty's HTTP/2 stream, under its connection's
 * bound on frames queued ({@link Http2Writer}, {@link FrameGate}).
 */
final class JettyExchange implements StreamExchange {
    private final EndPoint direct; // null on HTTP/2
    private final Http2Writer h2; // null on HTTP/1.x (or if Jetty's HTTP/2 stream is not found: Jetty's response then)
    private ClientRequest request; // null once a topic stream has left Jetty's HTTP handling
    private Response response;
    private Callback callback;
    private StreamConnection connection;
    private HostedStream stream;
    private boolean releaseAfterHeaders;
    private boolean committed; // the first write, which sends the headers, has gone through Jetty's response
    private boolean released;
    private boolean done;

    JettyExchange(ClientRequest request, Response response, Callback callback, EndPoint direct, Http2Writer h2) {
        this.request = request;
        this.response = response;
        this.callback = callback;
        this.direct = direct;
        this.h2 = h2;
    }

    /** The stream this exchange writes, told when its exchange ends after Jetty let go of it. */
    void attach(HostedStream stream) {
        this.stream = stream;
    }

    /** The HTTP/1.x connection watching for the client's leaving, which may take over from Jetty's. */
    void watchedBy(StreamConnection connection) {
        this.connection = connection;
    }

    /**
     * Lets go of Jetty's request and response once the headers are out, on HTTP/1.x where the stream writes its
     * body itself.
     */
    @Override
    public synchronized void releaseAfterHeaders() {
        releaseAfterHeaders = direct != null && connection != null;
    }

    @Override
    public ClientRequest request() {
        return request;
    }

    /**
     * The first write (which commits the headers) goes through Jetty's response, the others straight to the end point
     * on HTTP/1.x, or as DATA frames to Jetty's HTTP/2 stream. Writes come one at a time, each after the one before
     * has completed.
     */
    @Override
    public void write(ByteBuffer bytes, Callback done) {
        if (!committed) {
            committed = true;
            response.write(false, bytes, done);
        } else if (direct != null) {
            direct.write(done, bytes); // the body is delimited by the connection's end: bytes go out as they are
        } else if (h2 != null) {
            h2.write(bytes, done);
        } else {
            response.write(false, bytes, done);
        }
    }

    /** A write has completed: after the first, a topic stream's connection leaves Jetty's HTTP handling. */
    @Override
    public synchronized void written() {
        if (releaseAfterHeaders && !released && !done) {
            connection.takeOver();
            released = true;
            request = null;
            response = null;
            callback = null;
        }
    }

    /**
     * Ends the response, once: an abort when the client is gone, too slow or the session ended, a clean end
     * otherwise. A response Jetty no longer handles is ended as Jetty would have: a clean end shuts the output (TLS
     * sends its close_notify) and closes; an abort closes at once. Jetty's exchange, left behind at the take-over,
     * never completes: this ends it for the count of open exchanges.
     */
    @Override
    public void end(CloseReason reason) {
        boolean onEndPoint;
        Callback exchange;
        synchronized (this) {
            if (done) {
                return;
            }
            done = true;
            onEndPoint = released;
            exchange = callback;
        }
        Throwable abort = StreamExchange.abortCause(reason);
        if (!onEndPoint) {
            if (abort != null) {
                exchange.failed(abort);
            } else {
                exchange.succeeded();
            }
            return;
        }
        if (abort != null) {
            direct.close(abort);
        } else {
            direct.shutdownOutput();
            direct.close();
        }
        stream.exchangeEnded();
    }

    @Override
    public String remoteAddress() {
        ClientRequest current = request;
        if (current != null) {
            return current.remoteAddress();
        }
        return direct.getRemoteSocketAddress() instanceof InetSocketAddress inet
                ? inet.getAddress().getHostAddress()
                : String.valueOf(direct.getRemoteSocketAddress());
    }
}
