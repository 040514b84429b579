package dev.spout.servlet.internal;

import dev.spout.engine.auth.ClientRequest;
import dev.spout.engine.host.HostedStream;
import dev.spout.engine.host.StreamExchange;
import dev.spout.engine.stream.CloseReason;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.util.Callback;

/**
 * The HTTP side of one stream in a Servlet container: non-blocking writes on the response's output stream
 * ({@code WriteListener}), and the end of its async context.
 *
 * <p>The Servlet rule is that a write may only start when {@code isReady()} is true, and that after it returns false
 * the container calls {@code onWritePossible} once the write has gone out. The engine's pump asks for one write at a
 * time; this class holds it until the container is ready (DEFERRED) or until the container has written it
 * (IN_CONTAINER), and completes it then. The pump and the container's threads meet in one atomic state, not in a
 * lock, so the container's calls ({@code write}, {@code flush}, {@code isReady}) are never made under a lock of ours,
 * whatever locks the container takes in them or holds while it calls {@code onWritePossible}.
 *
 * <p>The end is a state of the same machine (ENDED), taken only when no thread of ours is in a container call, and
 * left never: {@code complete()} is called once, and after it nothing of ours touches the response. A container
 * recycles a completed request's objects for the next request on its connection, so a late write, flush or second
 * {@code complete()} could reach a stranger's response (on Tomcat it did, in {@code ServletClientsGoneTest}; on Jetty
 * a late flush blocked). An end asked for while a thread is in a container call is left to that thread, which
 * completes as it comes out. What the container says of the exchange as a whole is {@link ContainerEvents}'.
 */
final class ServletExchange implements StreamExchange, WriteListener {
    private static final int NOT_READY = 0; // no write, and the container has not said a write may start
    private static final int READY = 1; // no write, and one may start
    private static final int DEFERRED = 2; // a write asked for before the container was ready
    private static final int WRITING = 3; // a thread is in the container's write, flush or isReady
    private static final int WRITING_POSSIBLE = 4; // ... and the container has already said that write is out
    private static final int IN_CONTAINER = 5; // the container has the write, and calls onWritePossible when done
    private static final int ENDED = 6; // complete() is called: nothing touches the response any more

    private final AsyncContext async;
    private final ServletOutputStream out;
    private final ClientRequest request;
    private final AtomicInteger state = new AtomicInteger(NOT_READY);
    private final AtomicReference<Callback> inFlight = new AtomicReference<>(); // claimed once: completed or failed
    private volatile ByteBuffer deferred;
    private volatile boolean ending; // an end is asked for: taken as soon as no thread of ours is in the container
    private final CountDownLatch completeCalled = new CountDownLatch(1);
    private final AtomicBoolean completed = new AtomicBoolean(); // the container's onComplete, handled once
    private HostedStream stream;
    private boolean flushed; // by the thread in WRITING only: the state's changes hand it over

    ServletExchange(AsyncContext async, ServletOutputStream out, ClientRequest request) {
        this.async = async;
        this.out = out;
        this.request = request;
    }

    void attach(HostedStream stream) {
        this.stream = stream;
    }

    @Override
    public ClientRequest request() {
        return request;
    }

    @Override
    public void write(ByteBuffer bytes, Callback done) {
        inFlight.set(done);
        deferred = bytes;
        while (true) {
            int now = state.get();
            if (now == ENDED || (ending && now != WRITING && now != WRITING_POSSIBLE)) {
                fail(new EofException("The stream's response has ended"));
                return;
            }
            if (now == READY && state.compareAndSet(READY, WRITING)) {
                deferred = null;
                push(bytes);
                return;
            }
            if (now == NOT_READY && state.compareAndSet(NOT_READY, DEFERRED)) {
                endIfAsked(); // an end asked for meanwhile found no write yet: it may not have seen this one
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
                    return; // READY already (nothing waits), or ENDED
                }
            }
        }
    }

    /** In WRITING: hands the bytes to the container, then flushes them (see {@link #proceed}). */
    private void push(ByteBuffer bytes) {
        if (ending) {
            leaveEnded();
            return;
        }
        try {
            if (bytes.hasArray()) {
                // Always, as the hosted engine's buffers are on the heap: written from their array, which the
                // container's buffer copies anyway. A wrapper's write(ByteBuffer) (Spring MVC's) is often the
                // Servlet API's default, which asks isReady once more and copies a direct buffer into a new array.
                out.write(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
                bytes.position(bytes.limit());
            } else {
                out.write(bytes);
            }
        } catch (IOException | RuntimeException failure) {
            leave(READY);
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
                if (ending) {
                    leaveEnded();
                    return;
                }
                if (out.isReady()) {
                    if (flushed) {
                        leave(READY);
                        succeed();
                        return;
                    }
                    flushed = true;
                    out.flush(); // what fitted in the container's buffer goes out now, not when it fills
                    continue;
                }
            } catch (IOException | RuntimeException failure) {
                leave(READY);
                fail(failure);
                return;
            }
            if (state.compareAndSet(WRITING, IN_CONTAINER)) {
                endIfAsked();
                return;
            }
            state.set(WRITING); // WRITING_POSSIBLE: the container is ready again already
        }
    }

    /** Out of the container's calls: the state becomes {@code next}, or ENDED if an end was asked for meanwhile. */
    private void leave(int next) {
        state.set(next);
        endIfAsked();
    }

    /** Out of the container's calls because an end was asked for: the write in hand fails, and the end is taken. */
    private void leaveEnded() {
        leave(READY);
        fail(new EofException("The stream's response has ended"));
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

    /** The container's write failed, or it says the client is gone. */
    @Override
    public void onError(Throwable failure) {
        stream.clientGone(failure);
        fail(failure);
    }

    /**
     * Ends the response. The Servlet API has no abort: an abort completes at once, without waiting for what is
     * queued; the container then closes the connection (the response said {@code Connection: close}) once its own
     * buffer is out or its write times out.
     */
    @Override
    public void end(CloseReason reason) {
        if (!ending) {
            ending = true;
            endIfAsked();
        }
        Throwable cause = StreamExchange.abortCause(reason);
        fail(cause != null ? cause : new EofException("The stream ended"));
    }

    /**
     * Takes the end if one is asked for and no thread of ours is in a container call; a thread that is will call
     * this as it comes out. Both sides write first (the end asked for; the state) and read the other's after, so
     * one of them always sees both.
     */
    private void endIfAsked() {
        while (ending) {
            int now = state.get();
            if (now == ENDED || now == WRITING || now == WRITING_POSSIBLE) {
                return;
            }
            if (state.compareAndSet(now, ENDED)) {
                try {
                    if (!completed.get()) { // not when the container has completed it on its own
                        async.complete();
                    }
                } catch (IllegalStateException alreadyDone) {
                    // the container completed it first (its own error handling or timeout): nothing left to end
                } finally {
                    completeCalled.countDown();
                }
                return;
            }
        }
    }

    @Override
    public String remoteAddress() {
        return request.remoteAddress();
    }

    /** The container completed the response on its own (the client left, or it timed out); true only the first time. */
    boolean containerCompleted() {
        return completed.compareAndSet(false, true);
    }

    /** Waits until {@code complete()} has been called, by this thread or by one of ours coming out of the container. */
    boolean awaitCompleteCalled(long seconds) throws InterruptedException {
        return completeCalled.await(seconds, TimeUnit.SECONDS);
    }

    AsyncContext async() {
        return async;
    }

    HostedStream stream() {
        return stream;
    }
}
