package dev.spout.server.internal.stream;

import org.eclipse.jetty.server.ConnectionMetaData;
import org.jspecify.annotations.Nullable;

/**
 * How many of its streams' DATA frames one HTTP/2 connection has in Jetty's hands at once ({@link #LIMIT}), and the
 * writes waiting for a place, in the order they came.
 *
 * <p>Why a bound: Jetty 12.1's HTTP/2 flusher generates every frame queued on a connection into one accumulator (a
 * {@code RetainableByteBuffer.DynamicCapacity}), and each frame's header bytes and payload ask that accumulator its
 * size, which it sums over every buffer already in it (two a frame when the payload has 128 bytes or more: an 8 KiB
 * pooled buffer for the 9-byte header, then the payload, retained); the pool's acquire of each header buffer also
 * walks the buffers in use, and the flusher checks each frame against a list of those processed. So the cost of a
 * frame grows with the frames queued before it: a fan-out to 10,000 streams of one connection cost in the order of
 * 10,000^2 buffer visits per event, and the server fell ever further behind. With at most {@link #LIMIT} frames in
 * Jetty's hands, a frame costs a bounded amount; the rest wait here, in a queue that costs the same whatever its
 * length. The changes proposed to Jetty, after which this can go, are in docs/performance.md.
 *
 * <p>This counts the frames Jetty has taken and not yet written; the connection's writes are not held back while it
 * keeps up (each is handed over at once, as before), only when they pile up. A frame that will wait for its own
 * stream's flow-control window is handed over uncounted ({@link Http2Writer}), so a stream whose reader stopped
 * cannot hold places the others need; when the whole connection waits for its window, its frames hold every place,
 * and the others wait here rather than in Jetty's queue (all behind the same window in either case).
 *
 * <p>Thread-safe: one lock, held only to count and to queue, never while handing a frame to Jetty. A handover may
 * complete at once on the same thread (the flusher writes inline, or fails a closed connection's frames at once):
 * queued frames are handed over by one thread at a time, in a loop, while the others only queue and count, so such
 * completions never nest however many writes wait.
 */
final class FrameGate {
    /**
     * The most frames in Jetty's hands at once, per connection: the most of Spout's frames one flush generates. The
     * generation cost of a frame grows with it (about 0.3, 0.46, 0.78, 1.4 µs at 8, 16, 32, 64), while a flush's own
     * cost (a system call, the flusher's cycle) is shared by its frames: measured in docs/performance.md.
     */
    static final int LIMIT = 16;

    private static final String ATTRIBUTE = FrameGate.class.getName();
    private static final Object MAKING = new Object(); // not the connection's own monitor, which is Jetty's

    private int handed; // frames given to Jetty and not yet completed; guarded by this
    private @Nullable Http2Writer head; // the writes waiting for a place, oldest first; guarded by this
    private @Nullable Http2Writer tail;
    private boolean handing; // a thread is in the loop handing queued writes over; guarded by this

    /** The gate of {@code connection} (an HTTP/2 connection, whose streams share it), made by its first stream. */
    static FrameGate of(ConnectionMetaData connection) {
        // Once per stream, not per write; the connection's attributes go with it when it closes.
        synchronized (MAKING) {
            if (connection.getAttribute(ATTRIBUTE) instanceof FrameGate gate) {
                return gate;
            }
            var gate = new FrameGate();
            connection.setAttribute(ATTRIBUTE, gate);
            return gate;
        }
    }

    /**
     * Hands {@code writer}'s frame over at once if a place is free and none waits before it; else queues it, for the
     * thread handing over or the next completion.
     */
    void offer(Http2Writer writer) {
        synchronized (this) {
            // Whenever no thread is handing over, a write waits only while every place is taken, and then a
            // completion is due: a queued write is never forgotten.
            if (head != null || handing || handed >= LIMIT) {
                if (tail == null) {
                    head = writer;
                } else {
                    tail.next = writer;
                }
                tail = writer;
                return;
            }
            handed++;
        }
        writer.send();
    }

    /** A counted frame has left Jetty's hands (written, or failed): its place goes to the next write waiting. */
    void completed() {
        synchronized (this) {
            handed--;
            if (handing || head == null) {
                return;
            }
            handing = true;
        }
        handOver();
    }

    private void handOver() {
        while (true) {
            Http2Writer next;
            synchronized (this) {
                next = head;
                if (next == null || handed >= LIMIT) {
                    handing = false;
                    return;
                }
                head = next.next;
                if (head == null) {
                    tail = null;
                }
                next.next = null;
                handed++;
            }
            next.send();
        }
    }
}
