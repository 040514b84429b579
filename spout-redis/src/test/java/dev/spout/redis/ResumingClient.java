package dev.spout.redis;

import dev.spout.testkit.SseTestClient;
import dev.spout.testkit.SseTestClient.Event;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A client that stays on a stream as a browser's {@code EventSource} does: when the server ends the stream, it
 * connects again with the last id it had ({@code Last-Event-ID}) and goes on. It keeps every event it got, in order,
 * and counts how often it had to come back, so a test can tell an event delivered twice, one never delivered, and a
 * stream that the server ended so that the topic's gap policy decides.
 *
 * <pre>{@code
 * try (var client = ResumingClient.open(node.uri("/rooms/1"))) {
 *     client.await(events -> events.contains("last"), Duration.ofSeconds(20));
 *     assertThat(client.resumptions()).isZero();
 * }
 * }</pre>
 */
final class ResumingClient implements AutoCloseable {
    private static final Duration POLL = Duration.ofMillis(50);

    private final URI uri;
    private final List<Event> events = new ArrayList<>();
    private final Thread reader;
    private volatile boolean closed;
    private volatile SseTestClient current;
    private int resumptions;
    private String lastId;

    private ResumingClient(URI uri) {
        this.uri = uri;
        this.reader = Thread.ofVirtual().name("resuming-client").start(this::run);
    }

    static ResumingClient open(URI uri) {
        return new ResumingClient(uri);
    }

    private void run() {
        while (!closed) {
            String from;
            synchronized (this) {
                from = lastId;
            }
            try (var client = SseTestClient.open(uri, from == null ? Map.of() : Map.of("Last-Event-ID", from))) {
                current = client;
                if (client.status() == 200) {
                    read(client);
                }
            } catch (RuntimeException refused) { // the node is busy or gone a moment: as a browser, come back
                // nothing to keep: the next attempt starts from the last id again
            }
            if (!closed) {
                synchronized (this) {
                    resumptions++;
                }
                pause();
            }
        }
    }

    private void read(SseTestClient client) {
        while (!closed) {
            try {
                Event event = client.next(POLL);
                synchronized (this) {
                    events.add(event);
                    lastId = event.lastEventId();
                }
            } catch (AssertionError nothingYet) {
                if (client.isEnded() && client.pending().isEmpty()) {
                    return;
                }
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(POLL); // a browser waits its retry delay before it comes back
        } catch (InterruptedException closing) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }

    /** The events so far, in the order they came. */
    synchronized List<Event> events() {
        return List.copyOf(events);
    }

    /** The data of the events so far, in order. */
    synchronized List<String> data() {
        return events.stream().map(Event::data).toList();
    }

    /** How many times the stream ended (or could not be opened) and the client came back. */
    synchronized int resumptions() {
        return resumptions;
    }

    /** Waits until the events' data satisfy the condition; fails with what came if they do not in time. */
    void await(String what, Predicate<List<String>> done, Duration timeout) {
        dev.spout.testkit.Await.until(what, this::data, done, timeout);
    }

    @Override
    public void close() {
        closed = true;
        SseTestClient client = current;
        if (client != null) {
            client.close();
        }
        reader.interrupt();
        try {
            reader.join(Duration.ofSeconds(5));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
