package dev.spout.client;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** What a response to an event source's request means: a stream to read, or why not and whether to try again. */
final class Responses {
    private Responses() {}

    /** A response that must not be read as a stream; {@code retryAfter} is set when it may be retried. */
    record Refusal(EventSourceException failure, @Nullable Duration retryAfter) {}

    /** Null if the response opens the stream; otherwise why not, and whether to retry. */
    static @Nullable Refusal check(HttpResponse<InputStream> response, boolean retryServerErrors) {
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
        if (retryServerErrors && (status >= 500 || status == 429)) {
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
