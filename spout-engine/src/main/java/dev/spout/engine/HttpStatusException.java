package dev.spout.engine;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Ends a plain endpoint's request with a status and a plain-text reason, from anywhere in its handler. Spout throws
 * it too, for a body it cannot read as asked: {@code 400} (not UTF-8, not JSON of that type), {@code 413} (over
 * {@code SpoutOptions.maxRequestBody}), {@code 415} (not the content type asked for).
 *
 * <pre>{@code
 * if (!topics.exists(name)) throw new HttpStatusException(404, "No topic " + name);
 * }</pre>
 */
public class HttpStatusException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final Map<String, String> headers = new LinkedHashMap<>(2);

    /** A status from 400 to 599, and a reason the client may read. */
    public HttpStatusException(int status, String reason) {
        this(status, reason, null);
    }

    /** As {@link #HttpStatusException(int, String)}, with the failure that caused it (for the log, not the client). */
    public HttpStatusException(int status, String reason, @org.jspecify.annotations.Nullable Throwable cause) {
        super(reason, cause);
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("An error status is from 400 to 599, got " + status);
        }
        this.status = status;
    }

    /** The status the request is answered with. */
    public int status() {
        return status;
    }

    /**
     * This refusal, answered with a header too: a {@code WWW-Authenticate} challenge with a {@code 401}, a {@code
     * Retry-After} with a {@code 503}. Honoured by streams and plain endpoints on every host.
     *
     * <pre>{@code
     * throw new HttpStatusException(401, "A token is needed").withHeader("WWW-Authenticate", "Bearer");
     * }</pre>
     *
     * @throws IllegalArgumentException if the name is not a header name or the value holds CR or LF
     */
    public HttpStatusException withHeader(String name, String value) {
        if (name.isEmpty() || !name.chars().allMatch(c -> c > 32 && c < 127 && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0)) {
            throw new IllegalArgumentException("Not a header name: " + name);
        }
        if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("A header value must not contain CR or LF: " + name);
        }
        headers.put(name, value);
        return this;
    }

    /** The headers to answer with, besides the status and the reason. */
    public Map<String, String> headers() {
        return Collections.unmodifiableMap(headers);
    }
}
