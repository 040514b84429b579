package dev.spout.engine.internal.stream;

import dev.spout.broker.internal.log.Logs;
import dev.spout.engine.auth.ClientRequest;
import dev.spout.engine.stream.CloseReason;
import dev.spout.engine.stream.SseHandler;
import dev.spout.engine.stream.SseStream;
import dev.spout.engine.stream.StreamClosedException;
import dev.spout.sse.SseEncoder;
import dev.spout.sse.SseEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;

/**
 * The stream of one per-client handler: blocking sends for a virtual thread, over the non-blocking {@link
 * EventStream}. When the stream ends for any reason other than the handler itself, the handler's thread is
 * interrupted, after the close listeners have run, so a sleeping handler wakes at once and a blocked send throws
 * {@link StreamClosedException}.
 */
final class ClientStream implements SseStream {
    private static final Logger LOG = Logs.logger(ClientStream.class);

    private final EventStream stream;
    // Both guarded by the stream's lock, which also marks it closed: a listener is either kept here or, once the
    // stream has ended, run at once, never both.
    private @Nullable List<Consumer<CloseReason>> listeners; // created on first use
    private @Nullable Thread thread; // the handler's, interrupted at the end of the close sequence

    ClientStream(EventStream stream) {
        this.stream = stream;
        stream.handledBy(this);
    }

    /** Runs the handler on the current (virtual) thread, from the headers to the end of the stream. */
    void run(SseHandler handler) {
        runsOn(Thread.currentThread());
        try {
            stream.writePending(); // commits the headers, so the client sees the stream open at once
            handler.stream(this);
            stream.closeWith(new CloseReason.Completed());
        } catch (Throwable failure) {
            CloseReason reason = stream.closeReason();
            if (reason == null) {
                LOG.error("The SSE handler for {} failed", stream.path, failure);
                stream.closeWith(new CloseReason.Failed(failure));
            } else {
                LOG.debug("The SSE handler for {} ended after its stream closed ({})", stream.path, reason, failure);
            }
        } finally {
            synchronized (stream) {
                thread = null; // nothing to interrupt any more
            }
            Thread.interrupted(); // our own interrupt must not outlive the handler
        }
    }

    @Override
    public void send(SseEvent event) {
        write(SseEncoder.encode(event));
    }

    @Override
    public void retry(long millis) {
        write(SseEncoder.retry(millis));
    }

    @Override
    public void comment(String text) {
        write(SseEncoder.comment(text));
    }

    @Override
    public Optional<String> lastEventId() {
        return stream.request().header("Last-Event-ID");
    }

    @Override
    public ClientRequest request() {
        return stream.request();
    }

    @Override
    public boolean isOpen() {
        return stream.isOpen();
    }

    /**
     * The handler runs on {@code handler}: it is interrupted when the stream ends, at once if it has ended already (a
     * client can leave before its handler starts).
     */
    private void runsOn(Thread handler) {
        boolean closed;
        synchronized (stream) {
            thread = handler;
            closed = stream.closeReasonLocked() != null;
        }
        if (closed) {
            handler.interrupt();
        }
    }

    /** Adds a close listener; runs it at once if the stream has already ended. */
    @Override
    public void onClose(Consumer<CloseReason> listener) {
        CloseReason reason;
        synchronized (stream) {
            reason = stream.closeReasonLocked();
            if (reason == null) {
                if (listeners == null) {
                    listeners = new ArrayList<>(2);
                }
                listeners.add(listener);
                return;
            }
        }
        notify(listener, reason);
    }

    /**
     * The handler's side of the close sequence ({@link EventStream}), on the closing thread once the exchange has
     * ended: the close listeners run, then the handler's thread is interrupted, unless it is the one closing.
     */
    void ended(CloseReason reason) {
        List<Consumer<CloseReason>> toNotify;
        synchronized (stream) {
            toNotify = listeners == null ? List.of() : listeners;
            listeners = null;
        }
        for (Consumer<CloseReason> listener : toNotify) {
            notify(listener, reason);
        }
        Thread toInterrupt;
        synchronized (stream) {
            toInterrupt = thread;
        }
        if (toInterrupt != null && toInterrupt != Thread.currentThread()) {
            toInterrupt.interrupt();
        }
    }

    private void notify(Consumer<CloseReason> listener, CloseReason reason) {
        try {
            listener.accept(reason);
        } catch (Throwable failure) {
            LOG.error("A close listener of the SSE stream {} failed", stream.path, failure);
        }
    }

    @Override
    public void close() {
        stream.closeWith(new CloseReason.Completed());
    }

    /** Queues the bytes and waits until they are handed to the network, or the stream ends. */
    private void write(byte[] bytes) {
        try {
            stream.enqueue(bytes).join();
        } catch (CompletionException failed) {
            if (failed.getCause() instanceof StreamClosedException closed) {
                throw closed;
            }
            throw new StreamClosedException(stream.path, stream.closeReason());
        }
    }

    @Override
    public String toString() {
        return "SseStream[" + stream.path + " from " + stream.request().remoteAddress()
                + (isOpen() ? ", open]" : ", closed]");
    }
}
