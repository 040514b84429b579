package dev.spout.server.internal.stream;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http2.HTTP2Connection;
import org.eclipse.jetty.http2.HTTP2Stream;
import org.eclipse.jetty.http2.api.Stream;
import org.eclipse.jetty.http2.frames.DataFrame;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Invocable;
import org.jspecify.annotations.Nullable;

/**
 * The writes of one stream on HTTP/2 after its headers: each a DATA frame handed to Jetty's HTTP/2 stream, through its
 * connection's {@link FrameGate}.
 *
 * <p>Jetty's response would do the same ({@code HttpStreamOverHTTP2} makes the same frame for the same stream), after
 * a detour through its response machinery on every write: a look-up of {@code Content-Length} among the headers, the
 * state of the response, the serialized invoker its completions go through. As on HTTP/1.1, the stream's writes go
 * beneath it once the headers are out. Jetty's response still ends the stream (its last, empty frame), after the last
 * of these writes has completed. Flow control, the stream's reset and the connection's failure are Jetty's HTTP/2
 * stream's, as before: a frame for a stream that was reset or a connection that closed fails its callback.
 */
final class Http2Writer implements Callback {
    private final Stream stream;
    private final FrameGate gate;
    private @Nullable ByteBuffer bytes; // the write in flight, or waiting at the gate
    private @Nullable Callback done;
    private InvocationType invocation = InvocationType.BLOCKING;
    private boolean counted; // whether the write in flight holds one of the gate's places

    @Nullable
    Http2Writer next; // the next write waiting at the gate; guarded by the gate

    Http2Writer(Stream stream, FrameGate gate) {
        this.stream = stream;
        this.gate = gate;
    }

    /**
     * The writer of {@code request}'s stream, or null if it is not on Jetty's HTTP/2 (then its writes go through Jetty's
     * response). Jetty names a request on HTTP/2 by its stream's id.
     */
    static @Nullable Http2Writer of(Request request) {
        if (!(request.getConnectionMetaData().getConnection() instanceof HTTP2Connection connection)) {
            return null;
        }
        int id = streamId(request.getId());
        Stream stream = id > 0 ? connection.getSession().getStream(id) : null;
        if (stream == null) {
            return null;
        }
        return new Http2Writer(stream, FrameGate.of(request.getConnectionMetaData()));
    }

    /** The stream's next bytes, without blocking; {@code done} completes when Jetty has written or failed them. */
    void write(ByteBuffer bytes, Callback done) {
        this.bytes = bytes;
        this.done = done;
        invocation = Invocable.getInvocationType(done);
        // A frame larger than what its stream may send now waits in Jetty for the client's window update, however
        // long the client takes: it goes over uncounted, so that a stream whose reader stopped holds no place.
        if (stream instanceof HTTP2Stream h2 && h2.getSendWindow() < bytes.remaining()) {
            counted = false;
            send();
        } else {
            counted = true;
            gate.offer(this);
        }
    }

    /** Hands the frame to Jetty's stream (by the gate, when it has a place for it). */
    void send() {
        ByteBuffer out = bytes;
        try {
            stream.data(new DataFrame(stream.getId(), out, false), this);
        } catch (RuntimeException failure) {
            // Jetty reports a failed frame through its callback; should it throw instead, the write fails the same
            // way (the stream ends as a client gone), and the gate's place is given back.
            failed(failure);
        }
    }

    @Override
    public void succeeded() {
        Callback written = finish();
        written.succeeded();
    }

    @Override
    public void failed(Throwable failure) {
        Callback written = finish();
        written.failed(failure);
    }

    /** The write is over: its place at the gate goes to the next write waiting, before this stream writes again. */
    private Callback finish() {
        Callback written = done;
        boolean held = counted;
        done = null;
        bytes = null;
        if (held) {
            gate.completed();
        }
        return written;
    }

    /** As the engine's callback: Jetty runs the completion where that may run. */
    @Override
    public InvocationType getInvocationType() {
        return invocation;
    }

    /** Jetty's request id on HTTP/2, the stream's id in decimal; -1 for anything else. */
    private static int streamId(String id) {
        if (id.isEmpty() || id.length() > 10) {
            return -1;
        }
        long value = 0;
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value <= Integer.MAX_VALUE ? (int) value : -1;
    }
}
