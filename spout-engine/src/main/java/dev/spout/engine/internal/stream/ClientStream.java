package dev.spout.engine.internal.stream;

import dev.spout.broker.internal.log.Logs;
import dev.spout.engine.auth.ClientRequest;
import dev.spout.engine.stream.CloseReason;
import dev.spout.engine.stream.SseHandler;
import dev.spout.engine.stream.SseStream;
import dev.spout.engine.stream.StreamClosedException;
import dev.spout.sse.SseEncoder;
import dev.spout.sse.SseEvent;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
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

    ClientStream(EventStream stream) {
        this.stream = stream;
    }

    /** Runs the handler on the current (virtual) thread, from the headers to the end of the stream. */
    void run(SseHandler handler) {
        stream.runsHandler(Thread.currentThread());
        try {
            stream.open(); // commits the headers, so the client sees the stream open at once
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
            stream.handlerEnded();
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

    @Override
    public void onClose(Consumer<CloseReason> listener) {
        stream.onClose(listener);
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
