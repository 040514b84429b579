package dev.spout.client;

import dev.spout.sse.SseParser;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The life of an event source, on its own virtual thread: connect, read, and when the connection drops, wait and
 * connect again, as the WHATWG standard's "fetch the event stream" and "reestablish the connection" describe.
 */
final class StreamLoop implements Runnable {

    /** Everything a source is configured with. */
    record Settings(
            URI url,
            String method,
            HttpRequest.BodyPublisher body,
            Map<String, String> headers,
            HttpClient client,
            boolean defaultClient,
            String lastEventId,
            Duration reconnectionTime,
            Backoff backoff,
            Duration readTimeout,
            Duration responseTimeout,
            int maxEventBytes,
            boolean crossOriginRedirects,
            boolean retryServerErrors,
            boolean reconnect) {}

    private final Settings settings;
    private final Delivery delivery;
    private volatile ReadyState state = ReadyState.CONNECTING;
    private volatile String lastEventId;
    private volatile boolean closed;
    private final Fetch fetch;
    private volatile InputStream body;
    private volatile long readingSince;
    private volatile boolean timedOut;
    private Duration reconnectionTime;
    private volatile Thread thread;

    StreamLoop(Settings settings, Delivery delivery) {
        this.settings = settings;
        this.delivery = delivery;
        this.lastEventId = settings.lastEventId();
        this.reconnectionTime = settings.reconnectionTime();
        this.fetch = new Fetch(settings);
    }

    ReadyState state() {
        return state;
    }

    String lastEventId() {
        return lastEventId;
    }

    @Override
    public void run() {
        thread = Thread.currentThread();
        Thread watchdog = settings.readTimeout().isZero()
                ? null
                : Thread.ofVirtual().name("spout-eventsource-watchdog").start(this::watch);
        StreamEvent last = new StreamEvent.Closed();
        try {
            last = loop();
        } catch (InterruptedException closing) {
            // close() interrupts the thread to end a wait or a blocked delivery.
        } catch (RuntimeException | Error unexpected) { // a bug or an exhausted VM: the stream failed, and says so
            last = new StreamEvent.Failed(new EventSourceException(
                    EventSourceException.Kind.INTERNAL, 0, "The event source failed: " + unexpected, unexpected));
        } finally {
            state = ReadyState.CLOSED;
            if (watchdog != null) {
                watchdog.interrupt();
            }
            closeBody();
            if (last instanceof StreamEvent.Failed) {
                delivery.finish(last);
                delivery.finish(new StreamEvent.Closed());
            } else {
                delivery.finish(new StreamEvent.Closed());
            }
        }
    }

    void close() {
        closed = true;
        fetch.cancel();
        closeBody();
        Thread running = thread;
        if (running != null && running != Thread.currentThread()) {
            running.interrupt();
        }
    }

    /** Connects and reconnects until closed or failed; returns the final happening. */
    private StreamEvent loop() throws InterruptedException {
        int attempt = 0;
        while (!closed) {
            state = ReadyState.CONNECTING;
            Throwable cause;
            long openedAt = 0;
            Duration wait = null;
            try {
                HttpResponse<InputStream> response = fetch.send(lastEventId);
                body = response.body();
                if (closed) {
                    closeBody();
                }
                Responses.Refusal refusal = Responses.check(response, settings.retryServerErrors());
                if (refusal != null) {
                    response.body().close();
                    if (refusal.retryAfter() == null) {
                        return new StreamEvent.Failed(refusal.failure());
                    }
                    cause = refusal.failure();
                    wait = refusal.retryAfter().isNegative() ? null : refusal.retryAfter();
                } else {
                    state = ReadyState.OPEN;
                    openedAt = System.nanoTime();
                    delivery.deliver(new StreamEvent.Open(response.uri(), response.headers()));
                    try {
                        read(response);
                    } catch (SseParser.TooLargeException tooLarge) {
                        return new StreamEvent.Failed(new EventSourceException(
                                EventSourceException.Kind.TOO_LARGE,
                                200,
                                tooLarge.getMessage() + " (EventSource.Builder.maxEventSize): the stream is refused",
                                tooLarge));
                    }
                    cause = new IOException("The server ended the stream");
                    if (!settings.reconnect()) {
                        return new StreamEvent.Closed();
                    }
                }
            } catch (Fetch.RefusedRedirect refused) {
                return new StreamEvent.Failed(refused.failure);
            } catch (IOException failure) {
                cause = timedOut
                        ? new IOException("No data for " + settings.readTimeout() + ": the stream stalled", failure)
                        : failure;
                timedOut = false;
            }
            if (closed) {
                break;
            }
            if (!settings.reconnect()) {
                return new StreamEvent.Failed(new EventSourceException(
                        EventSourceException.Kind.NETWORK, 0, "The connection failed: " + describe(cause), cause));
            }
            boolean healthy = openedAt != 0
                    && System.nanoTime() - openedAt
                            >= settings.backoff().resetAfter().toNanos();
            attempt = healthy ? 1 : attempt + 1;
            Duration delay = wait != null
                    ? wait
                    : settings.backoff().delay(reconnectionTime, attempt, ThreadLocalRandom.current());
            state = ReadyState.CONNECTING;
            delivery.deliver(new StreamEvent.Reconnecting(delay, cause));
            Thread.sleep(delay);
        }
        return new StreamEvent.Closed();
    }

    private void read(HttpResponse<InputStream> response) throws IOException, InterruptedException {
        String origin = Responses.origin(response.uri());
        var parser = new SseParser(
                new SseParser.Listener() {
                    @Override
                    public void onEvent(String type, String data, String id) {
                        lastEventId = id;
                        emit(new MessageEvent(type, data, id, origin));
                    }

                    @Override
                    public void onComment(String comment) {
                        emit(new StreamEvent.Comment(comment));
                    }

                    @Override
                    public void onRetry(long millis) {
                        reconnectionTime = Duration.ofMillis(millis);
                        emit(new StreamEvent.RetryChange(reconnectionTime));
                    }
                },
                lastEventId,
                settings.maxEventBytes());
        byte[] buffer = new byte[8192];
        try (InputStream in = response.body()) {
            while (true) {
                readingSince = System.nanoTime();
                int n = in.read(buffer);
                readingSince = 0;
                if (n < 0) {
                    break;
                }
                parser.feed(buffer, 0, n);
            }
        } catch (Interrupted interrupted) {
            throw interrupted.cause;
        } finally {
            readingSince = 0;
            parser.end(); // an event the drop cut off is never delivered
            lastEventId = parser.lastEventId();
        }
    }

    private void emit(StreamEvent event) {
        try {
            delivery.deliver(event);
        } catch (InterruptedException e) {
            throw new Interrupted(e);
        }
    }

    /** Carries an interrupt out of the parser's callbacks. */
    private static final class Interrupted extends RuntimeException {
        final InterruptedException cause;

        Interrupted(InterruptedException cause) {
            super(cause);
            this.cause = cause;
        }
    }

    /** Closes the body of a read that has waited longer than the read timeout. */
    private void watch() {
        long timeout = settings.readTimeout().toNanos();
        long tick = Math.max(10_000_000, Math.min(timeout / 4, 1_000_000_000));
        try {
            while (!closed) {
                Thread.sleep(Duration.ofNanos(tick));
                long since = readingSince;
                if (since != 0 && System.nanoTime() - since > timeout) {
                    timedOut = true;
                    closeBody();
                }
            }
        } catch (InterruptedException done) {
            // the source is closed
        }
    }

    private void closeBody() {
        InputStream in = body;
        if (in != null) {
            try {
                in.close();
            } catch (IOException ignored) {
                // The connection is being abandoned; a failure to close it has no one to report to.
            }
        }
    }

    /** The JDK's client reports a refused connection as a ConnectException without a message: name it then. */
    private static String describe(Throwable cause) {
        String message = cause.getMessage();
        return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message;
    }
}
