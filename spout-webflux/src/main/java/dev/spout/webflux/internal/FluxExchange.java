package dev.spout.webflux.internal;

import dev.spout.engine.auth.ClientRequest;
import dev.spout.engine.host.HostedStream;
import dev.spout.engine.host.StreamExchange;
import dev.spout.engine.stream.CloseReason;
import dev.spout.sse.SseParser;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.util.Callback;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.http.server.reactive.ServerHttpResponse;
import reactor.core.publisher.FluxSink;

/**
 * The HTTP side of one stream in WebFlux: the engine's writes become {@link ServerSentEvent}s on a {@link FluxSink},
 * as fast as the subscriber (WebFlux's writer, so the network) asks for them.
 *
 * <p>The engine writes bytes, encoded once per event for every stream; WebFlux writes {@code ServerSentEvent}s, and
 * encodes each for each stream itself. So each write is parsed back into its events (Spout's own {@link SseParser},
 * the standard's rules) and a write completes only when the subscriber has asked for all of its events: until then
 * the engine holds what comes next for this stream in its topic's history, and a subscriber that asks for nothing
 * for longer than the slow-client bound allows is cut off, as on any other host.
 *
 * <p>The pump and the subscriber's requests meet in a work-in-progress counter: whichever thread comes while the
 * other drains leaves the work to it, so events go out in order, one thread at a time, without a lock.
 */
final class FluxExchange implements StreamExchange, SseParser.Listener {
    private final ClientRequest request;
    private final FluxSink<ServerSentEvent<String>> sink;
    private final Queue<ServerSentEvent<String>> ready = new ConcurrentLinkedQueue<>();
    private final AtomicReference<Callback> inFlight = new AtomicReference<>();
    private final AtomicInteger work = new AtomicInteger();
    private final AtomicBoolean ended = new AtomicBoolean();
    private final SseParser parser = new SseParser(this); // by the pump's one write at a time
    private final ServerHttpResponse response;
    private volatile boolean cancelled;

    FluxExchange(ClientRequest request, ServerHttpResponse response, FluxSink<ServerSentEvent<String>> sink) {
        this.request = request;
        this.response = response;
        this.sink = sink;
    }

    /** From now on the subscriber's requests drain the stream's events, and its leaving ends the stream. */
    void attach(HostedStream stream) {
        sink.onRequest(n -> drain());
        sink.onCancel(() -> {
            cancelled = true;
            stream.clientGone(new EofException("The client left (the subscription was cancelled)"));
        });
        sink.onDispose(stream::exchangeEnded); // once: completed, failed or cancelled
    }

    @Override
    public ClientRequest request() {
        return request;
    }

    @Override
    public void write(ByteBuffer bytes, Callback done) {
        if (ended.get()) {
            done.failed(new EofException("The stream's response has ended"));
            return;
        }
        if (!bytes.hasRemaining()) {
            // The write that commits the headers: WebFlux sends them with the first element only, so the stream
            // opens with an empty comment (the bytes of a heartbeat) and the client's EventSource opens at once.
            onComment("");
        } else {
            parser.feed(bytes);
        }
        inFlight.set(done);
        drain();
    }

    @Override
    public void onEvent(String type, String data, String lastEventId) {
        var event = ServerSentEvent.builder(data);
        if (!type.equals("message")) {
            event.event(type);
        }
        if (lastEventId != null) {
            event.id(lastEventId);
        }
        ready.add(event.build());
    }

    @Override
    public void onComment(String comment) {
        ready.add(ServerSentEvent.<String>builder().comment(comment).build());
    }

    @Override
    public void onRetry(long millis) {
        ready.add(ServerSentEvent.<String>builder()
                .retry(Duration.ofMillis(millis))
                .build());
    }

    /** Hands the subscriber what it asked for; a write whose events have all gone is complete. */
    private void drain() {
        if (work.getAndIncrement() != 0) {
            return;
        }
        do {
            ServerSentEvent<String> event;
            while (sink.requestedFromDownstream() > 0 && !ended.get() && (event = ready.poll()) != null) {
                sink.next(event);
            }
            if (ready.isEmpty()) {
                Callback done = inFlight.getAndSet(null);
                if (done != null) {
                    done.succeeded(); // the pump may write again, on this thread: this loop then takes it
                }
            }
        } while (work.decrementAndGet() != 0);
    }

    /** Ends the response once: an error for a stream cut off (unless its subscriber has gone), else a completion. */
    @Override
    public void end(CloseReason reason) {
        if (!ended.compareAndSet(false, true)) {
            return;
        }
        ready.clear();
        Throwable cause = StreamExchange.abortCause(reason);
        Callback done = inFlight.getAndSet(null);
        if (done != null) {
            done.failed(cause != null ? cause : new EofException("The stream ended"));
        }
        if (cancelled) {
            return; // nobody to tell: the subscriber left first
        }
        if (cause != null) {
            sink.error(cause);
            Connections.cutOff(response);
        } else {
            sink.complete();
        }
    }

    @Override
    public String remoteAddress() {
        return request.remoteAddress();
    }
}
