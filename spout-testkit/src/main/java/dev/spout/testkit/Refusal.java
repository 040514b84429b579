package dev.spout.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * The answer to a request for a stream that should be refused: its status, headers and (short) body. A request that
 * opens a stream instead returns at once with the stream's status (200) and no body, so a refusal that does not
 * happen fails the test in seconds: a plain {@code HttpClient.send(..., ofString())} would wait for the end of an
 * endless body.
 *
 * <pre>{@code
 * Refusal refused = Refusal.of(uri, Map.of());      // Accept: text/event-stream, as a client of the stream sends
 * assertThat(refused.status()).isEqualTo(403);
 * }</pre>
 *
 * @param status the response's status
 * @param headers its headers
 * @param body its body, read to the end (at most 64 KiB), or empty for a stream that opened
 */
public record Refusal(int status, HttpHeaders headers, String body) {
    private static final HttpClient SHARED =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final int MAX_BODY = 64 * 1024;

    /** GETs the stream with {@code Accept: text/event-stream} and these headers. */
    public static Refusal of(URI uri, Map<String, String> headers) {
        return of(SHARED, uri, "GET", headers);
    }

    /** Sends {@code method} (without a body) with {@code Accept: text/event-stream} unless the headers say otherwise. */
    public static Refusal of(HttpClient client, URI uri, String method, Map<String, String> headers) {
        var request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(10))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .header("Accept", headers.getOrDefault("Accept", "text/event-stream"));
        headers.forEach((name, value) -> {
            if (!name.equalsIgnoreCase("Accept")) {
                request.header(name, value);
            }
        });
        try {
            HttpResponse<InputStream> response =
                    client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                boolean stream =
                        response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream");
                String text = stream ? "" : new String(body.readNBytes(MAX_BODY), StandardCharsets.UTF_8);
                return new Refusal(response.statusCode(), response.headers(), text);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot ask " + uri, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while asking " + uri, e);
        }
    }
}
