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
            Duration responseTimeout,
            int maxEventBytes,
            boolean crossOriginRedirects,
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
            } catch (RefusedRedirect refused) {
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

    /**
     * Sends the request and follows redirects as {@code fetch} does for an event source (301, 302 and 303 turn a
     * POST into a GET, 307 and 308 keep it), within the same origin with every header. A redirect to another origin
     * is refused unless the source allows it, and then carries only {@code Accept} and {@code Cache-Control}: custom
     * headers (credentials, API keys) and {@code Last-Event-ID} are for the origin they were set for. HTTPS never
     * redirects to HTTP.
     */
    private HttpResponse<InputStream> send() throws IOException, InterruptedException {
        URI url = settings.url();
        String method = settings.method();
        HttpRequest.BodyPublisher payload = settings.body();
        boolean sameOrigin = true;
        for (int hop = 0; ; hop++) {
            HttpResponse<InputStream> response = sendOnce(url, method, payload, sameOrigin);
            int status = response.statusCode();
            var location = response.headers().firstValue("Location");
            if (!REDIRECTS.contains(status) || location.isEmpty()) {
                return response;
            }
            response.body().close();
            URI next;
            try {
                next = url.resolve(location.get().trim());
            } catch (IllegalArgumentException badLocation) {
                throw refused(status, "A redirect to an invalid Location: " + location.get());
            }
            if (hop >= MAX_REDIRECTS) {
                throw refused(status, "More than " + MAX_REDIRECTS + " redirects, the last to " + next);
            }
            String scheme = next.getScheme() == null ? "" : next.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw refused(status, "A redirect to a URL that is not http or https: " + next);
            }
            if (url.getScheme().equalsIgnoreCase("https") && scheme.equals("http")) {
                throw refused(status, "A redirect from HTTPS to plain HTTP refused: " + next);
            }
            boolean crossing = !origin(next).equals(origin(settings.url()));
            if (crossing && !settings.crossOriginRedirects()) {
                throw refused(
                        status,
                        "A redirect to another origin refused: " + next
                                + " (EventSource.Builder.followCrossOriginRedirects allows it, without custom headers)");
            }
            sameOrigin &= !crossing;
            if (status == 303 || ((status == 301 || status == 302) && method.equals("POST"))) {
                method = "GET";
                payload = HttpRequest.BodyPublishers.noBody();
            }
            url = next;
        }
    }

    private static final java.util.Set<Integer> REDIRECTS = java.util.Set.of(301, 302, 303, 307, 308);
    private static final int MAX_REDIRECTS = 20;

    private static RefusedRedirect refused(int status, String message) {
        return new RefusedRedirect(new EventSourceException(EventSourceException.Kind.REDIRECT, status, message, null));
    }

    /** A redirect the source will not follow: the stream fails for good. */
    private static final class RefusedRedirect extends IOException {
        final EventSourceException failure;

        RefusedRedirect(EventSourceException failure) {
            super(failure.getMessage());
            this.failure = failure;
        }
    }

    private HttpResponse<InputStream> sendOnce(
            URI url, String method, HttpRequest.BodyPublisher payload, boolean sameOrigin)
            throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(url)
                .header("Accept", "text/event-stream")
                .header("Cache-Control", "no-cache")
                .method(method, payload);
        // Until the response headers are in: a server that accepts and never answers must not hang the source.
        Duration wait = settings.readTimeout().isZero() ? settings.responseTimeout() : settings.readTimeout();
        if (!wait.isZero()) {
            request.timeout(wait);
        }
        if (sameOrigin) {
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
        }
        if (settings.defaultClient() && "http".equalsIgnoreCase(url.getScheme())) {
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
