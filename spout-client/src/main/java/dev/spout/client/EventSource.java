package dev.spout.client;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Iterator;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;

/**
 * An event stream client that behaves like the browser's {@code EventSource}: it sends {@code Accept:
 * text/event-stream}, follows redirects (within its origin), opens only on a 200 response of type {@code text/event-stream}, and when the
 * connection drops it reconnects after the server's {@code retry} delay (with backoff), sending {@code
 * Last-Event-ID}. It also does what browsers do not: any method and body (for streaming APIs that answer a POST),
 * custom headers, an initial Last-Event-ID, a read timeout, and an opt-in retry of server errors.
 *
 * <p>Pull style, natural on a virtual thread:
 *
 * <pre>{@code
 * try (var source = EventSource.connect(URI.create("http://localhost:8080/clock/sse"))) {
 *     for (MessageEvent event : source) {           // blocks for each event; ends when closed
 *         System.out.println(event.data());
 *     }
 * }
 * }</pre>
 *
 * <p>Push style: {@code EventSource.builder(uri).connect(listener)}.
 *
 * <p>What ends a stream for good (no reconnection): 204; any status but 200 (5xx and 429 are retried with {@link
 * Builder#retryServerErrors}, honouring {@code Retry-After}); a 200 that is not {@code text/event-stream}. A
 * network error, a dropped connection, a stream the server ends, a response that does not come (see {@link
 * Builder#responseTimeout}) or a stalled read (see {@link Builder#readTimeout}) reconnect. Also for good: a line or
 * event larger than {@link Builder#maxEventSize}, a redirect to another origin (unless {@link
 * Builder#followCrossOriginRedirects}). An event cut off by a dropped connection is never delivered.
 */
public final class EventSource implements AutoCloseable, Iterable<MessageEvent> {
    static final HttpClient DEFAULT_CLIENT = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER) // the source follows redirects itself, by its own rules
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private final URI url;
    private final StreamLoop loop;
    private final Delivery.@Nullable Pull pull;
    private final Thread thread;

    EventSource(URI url, StreamLoop loop, Delivery.@Nullable Pull pull) {
        this.url = url;
        this.loop = loop;
        this.pull = pull;
        this.thread = Thread.ofVirtual().name("spout-eventsource").start(loop);
    }

    /** A source with the defaults, connecting at once, for pulling events. */
    public static EventSource connect(URI url) {
        return builder(url).connect();
    }

    /** The settings of a source for the URL, to adjust and then connect. */
    public static Builder builder(URI url) {
        return new SourceBuilder(url);
    }

    /** The settings of a source for the URL, to adjust and then connect. */
    public static Builder builder(String url) {
        return new SourceBuilder(URI.create(url));
    }

    public URI url() {
        return url;
    }

    public ReadyState readyState() {
        return loop.state();
    }

    /** The last event id: sent as {@code Last-Event-ID} when reconnecting. */
    public String lastEventId() {
        return loop.lastEventId();
    }

    /**
     * The next thing that happens on the stream, waiting as long as needed. After the end it returns the final
     * {@link StreamEvent.Failed} or {@link StreamEvent.Closed}, again and again.
     */
    public StreamEvent nextEvent() throws InterruptedException {
        return pull().take(null);
    }

    /** The next thing that happens, or empty if nothing does within the timeout. */
    public Optional<StreamEvent> nextEvent(Duration timeout) throws InterruptedException {
        return Optional.ofNullable(pull().take(timeout));
    }

    /**
     * The messages, in order, waiting for each. Iteration ends when the source is closed, and throws {@link
     * EventSourceException} if the stream fails for good.
     */
    @Override
    public Iterator<MessageEvent> iterator() {
        return new MessageIterator(pull());
    }

    /** The messages as a sequential stream; see {@link #iterator()}. */
    public Stream<MessageEvent> messages() {
        return StreamSupport.stream(
                Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    /** Closes the connection at once and stops reconnecting; waits up to a second for the source's thread to end. */
    @Override
    public void close() {
        loop.close();
        if (Thread.currentThread() != thread) {
            try {
                thread.join(Duration.ofSeconds(1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private Delivery.Pull pull() {
        if (pull == null) {
            throw new IllegalStateException(
                    "This source delivers to a listener; pull methods are for sources opened with connect()");
        }
        return pull;
    }

    @Override
    public String toString() {
        return "EventSource[" + url + ", " + readyState() + "]";
    }

    /**
     * Settings of a source. The defaults are a browser's: GET, a 3 second reconnection time, no read timeout; plus
     * exponential backoff with jitter.
     *
     * <pre>{@code
     * var source = EventSource.builder("https://api.example.com/v1/chat")
     *         .method("POST", "{\"prompt\":\"Hello\",\"stream\":true}")
     *         .header("Authorization", "Bearer " + key)
     *         .header("Content-Type", "application/json")
     *         .readTimeout(Duration.ofSeconds(60))
     *         .connect();
     * }</pre>
     */
    public sealed interface Builder permits SourceBuilder {
        /** A request header, sent on every connection (replaces one of the same name). */
        Builder header(String name, String value);

        /** The method, with a text body (for streaming APIs that answer a POST). */
        Builder method(String method, String body);

        /** The method, with a body that can be sent again on each reconnection. */
        Builder method(String method, HttpRequest.BodyPublisher body);

        /**
         * The HTTP client to use, for example one shared by many sources (default: a shared one). It must not follow
         * redirects itself ({@link HttpClient.Redirect#NEVER}): the source follows them, and keeps custom headers
         * from other origins, which the JDK's client would not.
         */
        Builder httpClient(HttpClient client);

        /**
         * How long to wait for the response headers of each connection (default 30 seconds; the read timeout, if
         * set, takes its place). A server that accepts and never answers is then retried like a dropped connection.
         */
        Builder responseTimeout(Duration timeout);

        /**
         * The longest line, and the most data in one event, the source takes (default 4 MiB). A stream that sends
         * more fails for good with {@link EventSourceException.Kind#TOO_LARGE}, instead of exhausting memory.
         */
        Builder maxEventSize(int bytes);

        /**
         * Whether to follow a redirect to another origin (default false: the stream fails with {@link
         * EventSourceException.Kind#REDIRECT}). Followed, it carries only {@code Accept} and {@code Cache-Control}:
         * custom headers and {@code Last-Event-ID} stay with the origin they were meant for.
         */
        Builder followCrossOriginRedirects(boolean follow);

        /** The Last-Event-ID to send on the first connection, to resume from a known position. */
        Builder lastEventId(String id);

        /** The reconnection time until the server sends {@code retry} (default 3 seconds). */
        Builder reconnectionTime(Duration delay);

        /** How waits grow between attempts in a row (default: {@link Backoff#exponential()}). */
        Builder backoff(Backoff backoff);

        /**
         * Reconnects when no bytes, events or comments (heartbeats), arrive for this long (default: never, as in
         * browsers). Set it above the server's heartbeat interval.
         */
        Builder readTimeout(Duration timeout);

        /** Opt-in: treat 5xx and 429 as passing trouble and reconnect, after {@code Retry-After} if given. */
        Builder retryServerErrors(boolean retry);

        /** Whether to reconnect at all (default true); without, the source closes when the stream ends. */
        Builder reconnect(boolean reconnect);

        /** How many happenings may wait for a slow puller before reading pauses (default 1024). */
        Builder queueCapacity(int capacity);

        /** Connects, for pulling events with the iterator, {@link EventSource#messages()} or {@link EventSource#nextEvent()}. */
        EventSource connect();

        /** Connects, handing everything to the listener on the source's own thread. */
        EventSource connect(EventSourceListener listener);
    }
}
