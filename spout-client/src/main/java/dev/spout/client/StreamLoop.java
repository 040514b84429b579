package dev.spout.client;

import dev.spout.sse.SseParser;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
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
            boolean retryServerErrors,
            boolean reconnect) {}

    /** A response that must not be read as a stream; {@code retryAfter} is set when it may be retried. */
    private record Refusal(EventSourceException failure, Duration retryAfter) {}

    private final Settings settings;
    private final Delivery delivery;
    private volatile ReadyState state = ReadyState.CONNECTING;
    private volatile String lastEventId;
    private volatile boolean closed;
    private volatile CompletableFuture<HttpResponse<InputStream>> pending;
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
        CompletableFuture<HttpResponse<InputStream>> request = pending;
        if (request != null) {
            request.cancel(true);
        }
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
                HttpResponse<InputStream> response = send();
                Refusal refusal = check(response);
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
                    read(response);
                    cause = new IOException("The server ended the stream");
                    if (!settings.reconnect()) {
                        return new StreamEvent.Closed();
                    }
                }
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
                        EventSourceException.Kind.NETWORK, 0, "The connection failed: " + cause.getMessage(), cause));
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

    private HttpResponse<InputStream> send() throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(settings.url())
                .header("Accept", "text/event-stream")
                .header("Cache-Control", "no-cache")
                .method(settings.method(), settings.body());
        settings.headers().forEach(request::setHeader);
        String id = lastEventId;
        if (!id.isEmpty()) {
            try {
                request.setHeader("Last-Event-ID", id);
            } catch (IllegalArgumentException notAHeaderValue) {
                System.getLogger(EventSource.class.getName())
                        .log(System.Logger.Level.WARNING, "Last-Event-ID not sent: not a valid header value");
            }
        }
        if (settings.defaultClient() && "http".equalsIgnoreCase(settings.url().getScheme())) {
            request.version(HttpClient.Version.HTTP_1_1); // as browsers: no cleartext HTTP/2 upgrade attempts
        }
        CompletableFuture<HttpResponse<InputStream>> future =
                settings.client().sendAsync(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        pending = future;
        try {
            HttpResponse<InputStream> response = future.get();
            body = response.body();
            if (closed) {
                closeBody();
            }
            return response;
        } catch (ExecutionException failed) {
            throw failed.getCause() instanceof IOException io ? io : new IOException(failed.getCause());
        } catch (CancellationException cancelled) {
            throw new InterruptedException("closed");
        } finally {
            pending = null;
        }
    }

    /** Null if the response opens the stream; otherwise why not, and whether to retry. */
    private Refusal check(HttpResponse<InputStream> response) {
        int status = response.statusCode();
        if (status == 200) {
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (isEventStream(type)) {
                return null;
            }
            return new Refusal(
                    new EventSourceException(
                            EventSourceException.Kind.NOT_AN_EVENT_STREAM,
                            status,
                            "Expected Content-Type text/event-stream, got \"" + type + "\"",
                            null),
                    null);
        }
        if (status == 204) {
            return new Refusal(
                    new EventSourceException(
                            EventSourceException.Kind.NO_CONTENT,
                            status,
                            "204 No Content: the server asks not to reconnect",
                            null),
                    null);
        }
        var failure = new EventSourceException(
                EventSourceException.Kind.HTTP_STATUS, status, "HTTP " + status + " from " + response.uri(), null);
        if (settings.retryServerErrors() && (status >= 500 || status == 429)) {
            return new Refusal(failure, retryAfter(response).orElse(Duration.ofMillis(-1)));
        }
        return new Refusal(failure, null);
    }

    static boolean isEventStream(String contentType) {
        int params = contentType.indexOf(';');
        return (params < 0 ? contentType : contentType.substring(0, params))
                .trim()
                .equalsIgnoreCase("text/event-stream");
    }

    /** Retry-After as seconds or an HTTP date. */
    static java.util.Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(value -> {
            String v = value.trim();
            try {
                return java.util.Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(v))));
            } catch (NumberFormatException notSeconds) {
                try {
                    ZonedDateTime at =
                            ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME.withLocale(Locale.ROOT));
                    Duration until = Duration.between(ZonedDateTime.now(at.getZone()), at);
                    return java.util.Optional.of(until.isNegative() ? Duration.ZERO : until);
                } catch (java.time.format.DateTimeParseException notADate) {
                    return java.util.Optional.empty();
                }
            }
        });
    }

    private void read(HttpResponse<InputStream> response) throws IOException, InterruptedException {
        String origin = origin(response.uri());
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
                lastEventId);
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

    /** The origin of a URL, as the web serializes it: scheme://host[:port], without a default port. */
    static String origin(URI uri) {
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        boolean defaultPort =
                port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        String host = uri.getHost().contains(":") ? "[" + uri.getHost() + "]" : uri.getHost();
        return scheme + "://" + host.toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }
}
