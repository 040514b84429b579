package dev.spout.server.http;

import dev.spout.server.internal.endpoint.JsonCodec;
import dev.spout.sse.SseEncoder;
import dev.spout.sse.SseEvent;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a plain endpoint answers: a status, a body of any content type, and headers. Immutable; each {@code with}
 * returns a changed copy.
 *
 * <pre>{@code
 * return HttpResponse.json(Map.of("id", id)).withStatus(201).withHeader("Location", "/items/" + id);
 * return HttpResponse.text("pong");
 * return HttpResponse.bytes(png, "image/png").withHeader("Cache-Control", "max-age=60");
 * }</pre>
 */
public final class HttpResponse {
    private static final byte[] EMPTY = new byte[0];

    /** One response header. */
    public record Header(String name, String value) {
        public Header {
            checkToken(name);
            Objects.requireNonNull(value, "value");
            if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("A header value must not contain CR or LF: " + name);
            }
        }
    }

    private final int status;
    private final @Nullable String contentType;
    private final byte[] body;
    private final List<Header> headers;

    private HttpResponse(int status, @Nullable String contentType, byte[] body, List<Header> headers) {
        if (status < 200 || status > 599) {
            throw new IllegalArgumentException("A response status is from 200 to 599, got " + status);
        }
        this.status = status;
        this.contentType = contentType;
        this.body = body;
        this.headers = headers;
    }

    /** 200 with the text, {@code text/plain; charset=utf-8}. */
    public static HttpResponse text(String text) {
        return new HttpResponse(200, "text/plain;charset=utf-8", text.getBytes(StandardCharsets.UTF_8), List.of());
    }

    /** 200 with the HTML, {@code text/html; charset=utf-8}; the caller escapes what it must (see {@code Html}). */
    public static HttpResponse html(String html) {
        return new HttpResponse(200, "text/html;charset=utf-8", html.getBytes(StandardCharsets.UTF_8), List.of());
    }

    /** 200 with the value written as JSON by Jackson (a record, a map, a list, a {@code JsonNode}...). */
    public static HttpResponse json(@Nullable Object value) {
        return new HttpResponse(200, "application/json", JsonCodec.write(value), List.of());
    }

    /** 200 with these bytes (copied) of that content type. */
    public static HttpResponse bytes(byte[] body, String contentType) {
        checkContentType(contentType);
        return new HttpResponse(200, contentType, body.clone(), List.of());
    }

    /**
     * 200 with these events as a finished {@code text/event-stream}: the answer to a request that wants a few
     * events and then the end (Datastar's actions, htmx 4's requests), not a stream that stays open (for that, a
     * handler or a topic). Each event is encoded as a stream would send it, its id and {@code retry} included.
     *
     * <pre>{@code
     * routes.post("/save", request -> HttpResponse.events(List.of(PatchElements.of(saved).event())));
     * }</pre>
     */
    public static HttpResponse events(List<SseEvent> events) {
        var body = new java.io.ByteArrayOutputStream(128 * events.size());
        for (SseEvent event : events) {
            body.writeBytes(SseEncoder.encode(event));
        }
        return new HttpResponse(
                200,
                "text/event-stream;charset=utf-8",
                body.toByteArray(),
                List.of(new Header("Cache-Control", "no-cache")));
    }

    /** That status and no body: {@code status(202)}, {@code status(404)}. */
    public static HttpResponse status(int status) {
        return new HttpResponse(status, null, EMPTY, List.of());
    }

    /** 204, no body. */
    public static HttpResponse noContent() {
        return status(204);
    }

    /** 303 See Other to the location: after a POST, the browser GETs it. */
    public static HttpResponse redirect(String location) {
        return status(303).withHeader("Location", location);
    }

    /** The same response with another status (200 to 599). */
    public HttpResponse withStatus(int status) {
        return new HttpResponse(status, contentType, body, headers);
    }

    /**
     * The same response with one more header. {@code Content-Type} and {@code Content-Length} follow from the body
     * and are refused here.
     *
     * @throws IllegalArgumentException for a name that is not a header name, or a value with CR or LF
     */
    public HttpResponse withHeader(String name, String value) {
        Header header = new Header(name, value);
        if (name.equalsIgnoreCase("Content-Type") || name.equalsIgnoreCase("Content-Length")) {
            throw new IllegalArgumentException(name + " follows from the body: choose it with the factory method");
        }
        var more = new ArrayList<>(headers);
        more.add(header);
        return new HttpResponse(status, contentType, body, Collections.unmodifiableList(more));
    }

    /** The status. */
    public int status() {
        return status;
    }

    /** The body's content type; empty for a response without a body. */
    public Optional<String> contentType() {
        return Optional.ofNullable(contentType);
    }

    /** The body, read-only. */
    public ByteBuffer body() {
        return ByteBuffer.wrap(body).asReadOnlyBuffer();
    }

    /** The headers added with {@link #withHeader}, in order. */
    public List<Header> headers() {
        return headers;
    }

    private static void checkContentType(String contentType) {
        Objects.requireNonNull(contentType, "contentType");
        if (contentType.isBlank() || contentType.indexOf('\r') >= 0 || contentType.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("Not a content type: \"" + contentType + "\"");
        }
    }

    private static void checkToken(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("A header name must not be empty");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean token = c > 0x20 && c < 0x7F && "\"(),/:;<=>?@[\\]{}".indexOf(c) < 0;
            if (!token) {
                throw new IllegalArgumentException("Not a header name: \"" + name + "\"");
            }
        }
    }
}
