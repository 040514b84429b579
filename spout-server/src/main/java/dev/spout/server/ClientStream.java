package dev.spout.server;

import dev.spout.sse.SseEncoder;
import dev.spout.sse.SseEvent;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stream of one per-client handler: blocking writes for a virtual thread, and the one place that decides how
 * the stream ends. Whatever ends it first (client gone, handler done or failed, server stopping) wins; the HTTP
 * exchange is completed once, listeners run once and a handler still running is interrupted.
 */
final class ClientStream implements SseStream {
    private static final Logger LOG = LoggerFactory.getLogger(ClientStream.class);

    private final String path;
    private final ClientRequest request;
    private final Response response;
    private final Callback exchange;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final Object state = new Object();
    private CloseReason closeReason; // guarded by state
    private List<Consumer<CloseReason>> listeners = new ArrayList<>(2); // guarded by state; null once closed
    private volatile CompletableFuture<Void> pendingWrite;
    private volatile Thread handlerThread;

    ClientStream(String path, ClientRequest request, Response response, Callback exchange) {
        this.path = path;
        this.request = request;
        this.response = response;
        this.exchange = exchange;
    }

    /** Runs the handler on the current (virtual) thread, from the headers to the end of the stream. */
    void run(SseHandler handler) {
        handlerThread = Thread.currentThread();
        try {
            writeBytes(ByteBuffer.allocate(0)); // commits the headers, so the client sees the stream open at once
            handler.stream(this);
            closeWith(new CloseReason.Completed());
        } catch (Throwable failure) {
            CloseReason reason = closeReason();
            if (reason == null) {
                LOG.error("The SSE handler for {} failed", path, failure);
                closeWith(new CloseReason.Failed(failure));
            } else {
                LOG.debug("The SSE handler for {} ended after its stream closed ({})", path, reason, failure);
            }
        } finally {
            handlerThread = null;
            Thread.interrupted(); // our own interrupt must not outlive the handler
        }
    }

    @Override
    public void send(String data) {
        send(SseEvent.of(data));
    }

    @Override
    public void send(String data, String event, String id) {
        send(SseEvent.of(data, event, id));
    }

    @Override
    public void send(SseEvent event) {
        writeBytes(ByteBuffer.wrap(SseEncoder.encode(event)));
    }

    @Override
    public void retry(Duration delay) {
        retry(delay.toMillis());
    }

    @Override
    public void retry(long millis) {
        writeBytes(ByteBuffer.wrap(SseEncoder.retry(millis)));
    }

    @Override
    public void comment(String text) {
        writeBytes(ByteBuffer.wrap(SseEncoder.comment(text)));
    }

    @Override
    public Optional<String> lastEventId() {
        return request.header("Last-Event-ID");
    }

    @Override
    public ClientRequest request() {
        return request;
    }

    @Override
    public boolean isOpen() {
        return closeReason() == null;
    }

    @Override
    public void onClose(Consumer<CloseReason> listener) {
        CloseReason reason;
        synchronized (state) {
            reason = closeReason;
            if (reason == null) {
                listeners.add(listener);
                return;
            }
        }
        notify(listener, reason);
    }

    @Override
    public void close() {
        closeWith(new CloseReason.Completed());
    }

    /** The client went away (connection closed, reset or failed). */
    void clientGone(Throwable cause) {
        closeWith(new CloseReason.ClientGone(cause));
    }

    void serverStopping() {
        closeWith(new CloseReason.ServerStopping());
    }

    private void writeBytes(ByteBuffer bytes) {
        writeLock.lock();
        try {
            CloseReason reason = closeReason();
            if (reason != null) {
                throw new StreamClosedException(path, reason);
            }
            var done = new CompletableFuture<Void>();
            pendingWrite = done;
            response.write(false, bytes, Callback.from(() -> done.complete(null), done::completeExceptionally));
            try {
                done.join();
            } catch (CompletionException failed) {
                clientGone(failed.getCause());
                throw new StreamClosedException(path, closeReason());
            }
        } finally {
            pendingWrite = null;
            writeLock.unlock();
        }
    }

    private CloseReason closeReason() {
        synchronized (state) {
            return closeReason;
        }
    }

    private void closeWith(CloseReason reason) {
        List<Consumer<CloseReason>> toNotify;
        synchronized (state) {
            if (closeReason != null) {
                return;
            }
            closeReason = reason;
            toNotify = listeners;
            listeners = null;
        }
        finishExchange(reason);
        Thread handler = handlerThread;
        if (handler != null && handler != Thread.currentThread()) {
            handler.interrupt();
        }
        for (Consumer<CloseReason> listener : toNotify) {
            notify(listener, reason);
        }
    }

    private void finishExchange(CloseReason reason) {
        if (reason instanceof CloseReason.ClientGone gone) {
            abort(gone.cause());
        } else if (writeLock.tryLock()) {
            try {
                exchange.succeeded(); // the last chunk: a clean end of stream
            } finally {
                writeLock.unlock();
            }
        } else {
            abort(new EofException("The stream " + path + " was closed while a write to it was pending"));
        }
    }

    private void abort(Throwable cause) {
        CompletableFuture<Void> pending = pendingWrite;
        if (pending != null) {
            pending.completeExceptionally(cause);
        }
        exchange.failed(cause);
    }

    private void notify(Consumer<CloseReason> listener, CloseReason reason) {
        try {
            listener.accept(reason);
        } catch (Throwable failure) {
            LOG.error("A close listener of the SSE stream {} failed", path, failure);
        }
    }

    @Override
    public String toString() {
        return "SseStream[" + path + " from " + request.remoteAddress() + (isOpen() ? ", open]" : ", closed]");
    }
}
