package dev.spout.client;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.jspecify.annotations.Nullable;

/**
 * One connection attempt of an event source: the request a browser's {@code EventSource} would send, and the
 * redirects it follows, by the source's own rules (the JDK's client is built never to follow them itself).
 */
final class Fetch {
    private final StreamLoop.Settings settings;
    private volatile @Nullable CompletableFuture<HttpResponse<InputStream>> pending;

    Fetch(StreamLoop.Settings settings) {
        this.settings = settings;
    }

    /** Cancels a request waiting for its response (the source is closing). */
    void cancel() {
        CompletableFuture<HttpResponse<InputStream>> request = pending;
        if (request != null) {
            request.cancel(true);
        }
    }

    /**
     * Sends the request and follows redirects as {@code fetch} does for an event source (301, 302 and 303 turn a
     * POST into a GET, 307 and 308 keep it), within the same origin with every header. A redirect to another origin
     * is refused unless the source allows it, and then carries only {@code Accept} and {@code Cache-Control}: custom
     * headers (credentials, API keys) and {@code Last-Event-ID} are for the origin they were set for. HTTPS never
     * redirects to HTTP.
     */
    HttpResponse<InputStream> send(String lastEventId) throws IOException, InterruptedException {
        URI url = settings.url();
        String method = settings.method();
        HttpRequest.BodyPublisher payload = settings.body();
        boolean sameOrigin = true;
        for (int hop = 0; ; hop++) {
            HttpResponse<InputStream> response = sendOnce(url, method, payload, sameOrigin ? lastEventId : null);
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
            boolean crossing = !Responses.origin(next).equals(Responses.origin(settings.url()));
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
    static final class RefusedRedirect extends IOException {
        final EventSourceException failure;

        RefusedRedirect(EventSourceException failure) {
            super(failure.getMessage());
            this.failure = failure;
        }
    }

    /** One request; {@code lastEventId} is null when the request leaves the source's origin (no custom headers). */
    private HttpResponse<InputStream> sendOnce(
            URI url, String method, HttpRequest.BodyPublisher payload, @Nullable String lastEventId)
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
        if (lastEventId != null) {
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
            return future.get();
        } catch (ExecutionException failed) {
            throw failed.getCause() instanceof IOException io ? io : new IOException(failed.getCause());
        } catch (CancellationException cancelled) {
            throw new InterruptedException("closed");
        } finally {
            pending = null;
        }
    }
}
