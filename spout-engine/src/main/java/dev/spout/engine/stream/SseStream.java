package dev.spout.engine.stream;

import dev.spout.engine.auth.ClientRequest;
import dev.spout.sse.SseEvent;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * One client's event stream, as its handler writes to it.
 *
 * <p>Each call writes and flushes a complete message and returns once the bytes are handed to the network, so a
 * handler's sends reach the client in order. Bad input is refused before anything is written: an event name or id
 * with a line break throws {@link IllegalArgumentException}; data with line breaks becomes several {@code data:}
 * lines. After the stream has ended, writes throw {@link StreamClosedException} with the {@link CloseReason}; a send
 * in flight when the client leaves returns normally if all its bytes had reached the network, and throws otherwise.
 * Safe to use from several threads.
 *
 * <p>How a stream ends is one sequence, always in this order: it is marked closed ({@link #isOpen()} false, sends
 * refused); it leaves the stream limits, the application's count of open streams and its topic; its HTTP exchange
 * ends; its close listeners run, once each, in the order added; and only then is its handler's thread interrupted.
 * So a handler that wakes from that interrupt finds its listeners done.
 *
 * <pre>{@code
 * sse.retry(Duration.ofSeconds(5));
 * sse.send("12:00:00", "message", "42");     // id: 42 / event: message / data: 12:00:00
 * sse.comment("keep-alive");
 * }</pre>
 */
public interface SseStream {

    /** Sends an event of the default type {@code message}, without an id. */
    default void send(String data) {
        send(SseEvent.of(data));
    }

    /** Sends an event with a type and an id; either may be null to leave it out. */
    default void send(String data, @Nullable String event, @Nullable String id) {
        send(SseEvent.of(data, event, id));
    }

    /**
     * Sends an event.
     *
     * @throws StreamClosedException if the stream has ended
     * @throws EventTooLargeException if the event alone is bigger than a client's queue may hold
     */
    void send(SseEvent event);

    /** Sets the client's reconnection delay ({@code retry:} field). */
    default void retry(Duration delay) {
        retry(delay.toMillis());
    }

    /** Sets the client's reconnection delay, in milliseconds. */
    void retry(long millis);

    /** Sends a comment, which clients ignore: useful as a keep-alive. */
    void comment(String text);

    /** The {@code Last-Event-ID} the client sent when it (re)connected, if any. */
    Optional<String> lastEventId();

    /** The request that opened this stream. */
    ClientRequest request();

    /** Whether the stream is still open: false once the client left or the stream was ended. */
    boolean isOpen();

    /**
     * Adds a listener that runs once when the stream ends, with the reason; at once if it already has. Listeners
     * run in the order they were added, on the thread that noticed the end, before the handler is interrupted; they
     * must not block.
     */
    void onClose(Consumer<CloseReason> listener);

    /** Ends the stream cleanly; the client will reconnect after its reconnection delay. Idempotent. */
    void close();
}
