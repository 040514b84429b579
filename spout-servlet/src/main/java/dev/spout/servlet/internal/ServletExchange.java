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
import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.util.Callback;

/**
 * The HTTP side of one stream in a Servlet container: non-blocking writes on the response's output stream
 * ({@code WriteListener}, Servlet 6.1's {@code write(ByteBuffer)}), and the end of its async context.
 *
 * <p>The Servlet rule is that a write may only start when {@code isReady()} is true, and that after it returns false
 * the container calls {@code onWritePossible} once the write has gone out. The engine's pump asks for one write at a
 * time; this class holds it until the container is ready ({@code deferred}) or until the container has written it
 * ({@code waiting}), and completes it then. The container may call back on its own threads while the pump writes on
 * another, so the state is guarded by this object's lock; the calls under it never block (non-blocking mode), and
 * the pump's callback always runs outside it.
 */
final class ServletExchange implements StreamExchange, WriteListener, AsyncListener {
    private final AsyncContext async;
    private final ServletOutputStream out;
    private final ClientRequest request;
    private final Streams streams;
    private EventStream stream;

    private boolean ready; // the container has said a write may start, and none has started since
    private ByteBuffer deferred; // a write asked for before the container was ready
    private Callback deferredDone;
    private Callback waiting; // a write the container has taken but not finished
    private boolean committed;
    private boolean ended;
    private boolean completed;

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
        int outcome;
        synchronized (this) {
            if (ended) {
                outcome = FAILED;
                failure = new EofException("The stream's response has ended");
            } else if (!ready) {
                deferred = bytes;
                deferredDone = done;
                return;
            } else {
                outcome = push(bytes, done);
            }
        }
        report(outcome, done);
    }

    /** The container is ready again: a deferred write starts, or the one it took has gone out. */
    @Override
    public void onWritePossible() {
        int outcome;
        Callback done;
        synchronized (this) {
            ready = true;
            if (deferred != null) {
                ByteBuffer bytes = deferred;
                done = deferredDone;
                deferred = null;
                deferredDone = null;
                outcome = push(bytes, done);
            } else {
                done = waiting;
                waiting = null;
                outcome = done == null ? WAITING : WRITTEN;
            }
        }
        report(outcome, done);
    }

    private static final int WAITING = 0;
    private static final int WRITTEN = 1;
    private static final int FAILED = 2;
    private Throwable failure; // why the last push failed, handed to the pump outside the lock

    /**
     * Under the lock, with the container ready: writes and flushes. WRITTEN if the container has it all already,
     * WAITING if it calls {@link #onWritePossible} when it has, FAILED (in {@code failure}) if the client has gone.
     */
    private int push(ByteBuffer bytes, Callback done) {
        ready = false;
        try {
            out.write(bytes);
            if (out.isReady()) {
                out.flush(); // what fitted in the container's buffer goes out now, not when the buffer fills
            }
            if (out.isReady()) {
                ready = true;
                return WRITTEN;
            }
            waiting = done;
            return WAITING;
        } catch (IOException | RuntimeException cause) {
            failure = cause;
            return FAILED;
        }
    }

    private void report(int outcome, Callback done) {
        if (outcome == WRITTEN) {
            done.succeeded();
        } else if (outcome == FAILED) {
            Throwable cause;
            synchronized (this) {
                cause = failure;
                failure = null;
            }
            done.failed(cause);
        }
    }

    @Override
    public void onError(Throwable failure) {
        Callback pending;
        synchronized (this) {
            pending = waiting != null ? waiting : deferredDone;
            waiting = null;
            deferred = null;
            deferredDone = null;
        }
        stream.clientGone(failure);
        if (pending != null) {
            pending.failed(failure);
        }
    }

    @Override
    public void end(CloseReason reason) {
        Callback pending;
        synchronized (this) {
            if (ended) {
                return;
            }
            ended = true;
            pending = waiting != null ? waiting : deferredDone;
            waiting = null;
            deferred = null;
            deferredDone = null;
        }
        // The Servlet API has no abort: an abort completes at once, without waiting for what is queued; the
        // container then closes the connection (the response said Connection: close) once its own buffer is out.
        try {
            async.complete();
        } catch (IllegalStateException alreadyDone) {
            // the container completed it first (its error handling): nothing left to end
        }
        if (pending != null) {
            Throwable cause = StreamExchange.abortCause(reason);
            pending.failed(cause != null ? cause : new EofException("The stream ended"));
        }
    }

    @Override
    public String remoteAddress() {
        return request.remoteAddress();
    }

    // AsyncListener: the container's view of the exchange.

    @Override
    public void onComplete(AsyncEvent event) {
        synchronized (this) {
            if (completed) {
                return;
            }
            completed = true;
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
