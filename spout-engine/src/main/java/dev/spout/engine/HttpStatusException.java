package dev.spout.engine;

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
}
