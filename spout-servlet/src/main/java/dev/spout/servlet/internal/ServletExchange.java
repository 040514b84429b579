package dev.spout.servlet.internal;

import dev.spout.server.auth.ClientRequest;
import dev.spout.server.internal.stream.EventStream;
import dev.spout.server.internal.stream.StreamExchange;
import dev.spout.server.internal.stream.Streams;
import dev.spout.server.stream.CloseReason;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.util.Callback;

/**
 * The HTTP side of one stream in a Servlet container: non-blocking writes on the response's output stream
 * ({@code WriteListener}, Servlet 6.1's {@code write(ByteBuffer)}), and the end of its async context.
 *
 * <p>The Servlet rule is that a write may only start when {@code isReady()} is true, and that after it returns false
 * the container calls {@code onWritePossible} once the write has gone out. The engine's pump asks for one write at a
 * time; this class holds it until the container is ready (DEFERRED) or until the container has written it
 * (IN_CONTAINER), and completes it then. The pump and the container's threads meet in one atomic state, not in a
 * lock, so the container's calls ({@code write}, {@code flush}, {@code isReady}) are never made under a lock of ours,
 * whatever locks the container takes in them or holds while it calls {@code onWritePossible}.
 */
final class ServletExchange implements StreamExchange, WriteListener, AsyncListener {
    private static final int NOT_READY = 0; // no write, and the container has not said a write may start
    private static final int READY = 1; // no write, and one may start
    private static final int DEFERRED = 2; // a write asked for before the container was ready
    private static final int WRITING = 3; // a thread is in the container's write, flush or isReady
    private static final int WRITING_POSSIBLE = 4; // ... and the container has already said that write is out
    private static final int IN_CONTAINER = 5; // the container has the write, and calls onWritePossible when done

    private final AsyncContext async;
    private final ServletOutputStream out;
    private final ClientRequest request;
    private final Streams streams;
    private final AtomicInteger state = new AtomicInteger(NOT_READY);
    private final AtomicReference<Callback> inFlight = new AtomicReference<>(); // claimed once: completed or failed
    private volatile ByteBuffer deferred;
    private volatile boolean ended;
    private final AtomicBoolean completed = new AtomicBoolean();
    private EventStream stream;
    private boolean committed; // under the stream's lock
    private boolean flushed; // by the thread in WRITING only: the state's changes hand it over

    ServletExchange(AsyncContext async, ServletOutputStream out, ClientRequest request, Streams streams) {
        this.async = async;
        this.out = out;
        this.request = request;
        this.streams = streams;
    }

    void attach(EventStream stream) {
        this.stream = stream;
    }

    @Override
    public ClientRequest request() {
        return request;
    }

    @Override
    public boolean beforeWrite() {
        committed = true;
        return false;
    }

    @Override
    public ByteBuffer committedOrEmpty() {
        return committed ? null : ByteBuffer.allocate(0);
    }

    @Override
    public void write(ByteBuffer bytes, Callback done, boolean route) {
        if (ended) {
            done.failed(new EofException("The stream's response has ended"));
            return;
        }
        inFlight.set(done);
        deferred = bytes;
        while (true) {
            int now = state.get();
            if (now == READY && state.compareAndSet(READY, WRITING)) {
                deferred = null;
                push(bytes);
                return;
            }
            if (now == NOT_READY && state.compareAndSet(NOT_READY, DEFERRED)) {
                return; // onWritePossible starts it
            }
            if (now != READY && now != NOT_READY) {
                throw new IllegalStateException("A write while another is in progress: " + now);
            }
        }
    }

    /** The container is ready: at first, or for a deferred write, or because the one it took has gone out. */
    @Override
    public void onWritePossible() {
        while (true) {
            int now = state.get();
            switch (now) {
                case NOT_READY -> {
                    if (state.compareAndSet(NOT_READY, READY)) {
                        return;
                    }
                }
                case DEFERRED -> {
                    if (state.compareAndSet(DEFERRED, WRITING)) {
                        ByteBuffer bytes = deferred;
                        deferred = null;
                        push(bytes);
                        return;
                    }
                }
                case IN_CONTAINER -> {
                    if (state.compareAndSet(IN_CONTAINER, WRITING)) {
                        proceed();
                        return;
                    }
                }
                case WRITING -> {
                    if (state.compareAndSet(WRITING, WRITING_POSSIBLE)) {
                        return; // the writing thread completes the write when it sees this
                    }
                }
                default -> {
                    return; // READY already: nothing waits
                }
            }
        }
    }

    /** In WRITING: hands the bytes to the container, then flushes them (see {@link #proceed}). */
    private void push(ByteBuffer bytes) {
        try {
            out.write(bytes);
        } catch (IOException | RuntimeException failure) {
            state.set(READY);
            fail(failure);
            return;
        }
        flushed = false;
        proceed();
    }

    /**
     * In WRITING: the rest of the write. The container may keep what was written in its response buffer until a
     * flush, so each write is flushed, as soon as the container is ready for it; the write is done when the container
     * is ready once more. Whenever the container is not ready, the write waits IN_CONTAINER for {@code
     * onWritePossible}, which comes back here; if that call came already, this goes on at once.
     */
    private void proceed() {
        while (true) {
            try {
                if (out.isReady()) {
                    if (flushed) {
                        state.set(READY);
                        succeed();
                        return;
                    }
                    flushed = true;
                    out.flush(); // what fitted in the container's buffer goes out now, not when it fills
                    continue;
                }
            } catch (IOException | RuntimeException failure) {
                state.set(READY);
                fail(failure);
                return;
            }
            if (state.compareAndSet(WRITING, IN_CONTAINER)) {
                return;
            }
            state.set(WRITING); // WRITING_POSSIBLE: the container is ready again already
        }
    }

    private void succeed() {
        Callback done = inFlight.getAndSet(null);
        if (done != null) {
            done.succeeded();
        }
    }

    private void fail(Throwable cause) {
        Callback done = inFlight.getAndSet(null);
        if (done != null) {
            done.failed(cause);
        }
    }

    /** The container's write failed: the client is gone. */
    @Override
    public void onError(Throwable failure) {
        stream.clientGone(failure);
        fail(failure);
    }

    @Override
    public void end(CloseReason reason) {
        if (ended) {
            return;
        }
        ended = true;
        // The Servlet API has no abort: an abort completes at once, without waiting for what is queued; the
        // container then closes the connection (the response said Connection: close) once its own buffer is out
        // or its write times out.
        try {
            async.complete();
        } catch (IllegalStateException alreadyDone) {
            // the container completed it first (its error handling): nothing left to end
        }
        Throwable cause = StreamExchange.abortCause(reason);
        fail(cause != null ? cause : new EofException("The stream ended"));
    }

    @Override
    public String remoteAddress() {
        return request.remoteAddress();
    }

    // AsyncListener: the container's view of the exchange.

    @Override
    public void onComplete(AsyncEvent event) {
        if (!completed.compareAndSet(false, true)) {
            return;
        }
        stream.clientGone(new EofException("The container completed the stream's response"));
        streams.exchangeEnded();
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        stream.clientGone(new EofException("The container timed the stream's response out"));
    }

    @Override
    public void onError(AsyncEvent event) {
        Throwable cause = event.getThrowable();
        onError(cause != null ? cause : new EofException("The container reported an error on the stream"));
    }

    @Override
    public void onStartAsync(AsyncEvent event) {}
}
