package dev.spout.testkit;

import dev.spout.sse.SseParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP client on one event stream, for tests: it connects, reads in the background with Spout's parser, and
 * hands over events one at a time, each with a timeout, so a test waits exactly as long as it must and fails with
 * a clear message when an event does not come.
 *
 * <pre>{@code
 * try (var stream = SseTestClient.open(URI.create("http://127.0.0.1:" + port + "/sse"))) {
 *     assertThat(stream.status()).isEqualTo(200);
 *     SseTestClient.Event first = stream.next(Duration.ofSeconds(2));
 *     assertThat(first.data()).isEqualTo("hello");
 * }
 * }</pre>
 */
public final class SseTestClient implements AutoCloseable {
    private static final HttpClient SHARED = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    /** A dispatched event as a browser's EventSource would report it. */
    public record Event(String type, String data, String lastEventId) {}

    private final HttpResponse<InputStream> response;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final List<String> comments = new ArrayList<>();
    private final List<Long> commentNanos = new ArrayList<>(); // when each comment arrived, System.nanoTime()
    private final List<Long> retries = new ArrayList<>();
    private final CountDownLatch ended = new CountDownLatch(1);
    private final Thread reader;
    private volatile Throwable readFailure;

    private SseTestClient(HttpResponse<InputStream> response) {
        this.response = response;
        this.reader = Thread.ofVirtual().name("sse-test-client").start(this::read);
    }

    /** Opens the stream with {@code Accept: text/event-stream}, and returns once the response headers are in. */
    public static SseTestClient open(URI uri) {
        return open(uri, Map.of());
    }

    /**
     * Opens the stream with extra request headers (such as {@code Last-Event-ID}); an {@code Accept} among them
     * replaces {@code text/event-stream}, and an empty one sends none at all.
     */
    public static SseTestClient open(URI uri, Map<String, String> headers) {
        return open(SHARED, uri, headers);
    }

    /** Opens the stream with the given client (for example one that speaks HTTP/2), headers as {@link #open(URI, Map)}. */
    public static SseTestClient open(HttpClient client, URI uri, Map<String, String> headers) {
        var request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10));
        String accept = headers.getOrDefault("Accept", "text/event-stream");
        if (!accept.isEmpty()) {
            request.header("Accept", accept);
        }
        headers.forEach((name, value) -> {
            if (!name.equals("Accept")) {
                request.header(name, value);
            }
        });
        try {
            return new SseTestClient(client.send(request.GET().build(), HttpResponse.BodyHandlers.ofInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open " + uri, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while opening " + uri, e);
        }
    }

    public int status() {
        return response.statusCode();
    }

    public HttpHeaders headers() {
        return response.headers();
    }

    public HttpResponse<InputStream> response() {
        return response;
    }

    /** The next event; fails with {@link AssertionError} if none arrives within the timeout. */
    public Event next(Duration timeout) {
        try {
            Event event = events.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
            if (event == null) {
                throw new AssertionError("No event within " + timeout + (isEnded() ? " (the stream ended)" : "")
                        + (readFailure != null ? " (read failed: " + readFailure + ")" : ""));
            }
            return event;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while waiting for an event", e);
        }
    }

    /** The next {@code count} events, each within the timeout. */
    public List<Event> next(int count, Duration timeout) {
        List<Event> result = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            result.add(next(timeout));
        }
        return result;
    }

    /** Waits until the server ends the stream; true if it did within the timeout. */
    public boolean awaitEnd(Duration timeout) {
        try {
            return ended.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Why the stream ended, if it was cut off rather than ended cleanly: on HTTP/1.1, a body that stops without its
     * last chunk fails the read. Empty while the stream is open, and after a clean end.
     */
    public Optional<Throwable> readFailure() {
        return Optional.ofNullable(readFailure);
    }

    public boolean isEnded() {
        return ended.getCount() == 0;
    }

    /** Events received but not yet taken with {@link #next}. */
    public List<Event> pending() {
        return List.copyOf(events);
    }

    /** The comments received so far. */
    public synchronized List<String> comments() {
        return List.copyOf(comments);
    }

    /**
     * The time between each comment and the one before it, in arrival order: the spacing of a server's heartbeats
     * (taken as they are read, so within a few milliseconds of the wire).
     */
    public synchronized List<Duration> commentGaps() {
        List<Duration> gaps = new ArrayList<>();
        for (int i = 1; i < commentNanos.size(); i++) {
            gaps.add(Duration.ofNanos(commentNanos.get(i) - commentNanos.get(i - 1)));
        }
        return gaps;
    }

    /** The reconnection delays received so far, in milliseconds. */
    public synchronized List<Long> retries() {
        return List.copyOf(retries);
    }

    /** Closes the connection, as a browser tab does when it goes away. */
    @Override
    public void close() {
        try {
            response.body().close();
        } catch (IOException ignored) {
            // Closing is best effort: the connection is being abandoned either way.
        }
        reader.interrupt();
    }

    private void read() {
        var parser = new SseParser(new SseParser.Listener() {
            @Override
            public void onEvent(String type, String data, String lastEventId) {
                events.add(new Event(type, data, lastEventId));
            }

            @Override
            public void onComment(String comment) {
                synchronized (SseTestClient.this) {
                    comments.add(comment);
                    commentNanos.add(System.nanoTime());
                }
            }

            @Override
            public void onRetry(long millis) {
                synchronized (SseTestClient.this) {
                    retries.add(millis);
                }
            }
        });
        byte[] buffer = new byte[8192];
        try (InputStream in = response.body()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                parser.feed(buffer, 0, n);
            }
            parser.end();
        } catch (IOException e) {
            readFailure = e;
        } finally {
            ended.countDown();
        }
    }
}
