package dev.spout.client;

/**
 * Why a stream failed for good, so that the source does not reconnect.
 *
 * <pre>{@code
 * try {
 *     for (MessageEvent event : source) { ... }
 * } catch (EventSourceException e) {
 *     if (e.kind() == EventSourceException.Kind.NO_CONTENT) { ... }   // the server said: do not reconnect
 * }
 * }</pre>
 */
public final class EventSourceException extends RuntimeException {

    /** The kinds of failure that end a stream. */
    public enum Kind {
        /** {@code 204 No Content}: the server's way to tell clients to stop reconnecting. */
        NO_CONTENT,
        /** A status other than 200 (and, unless server errors are retried, any 5xx). */
        HTTP_STATUS,
        /** A 200 response that is not {@code text/event-stream}. */
        NOT_AN_EVENT_STREAM,
        /** The connection failed and reconnecting is off. */
        NETWORK,
        /** A line or an event was larger than the source takes ({@code EventSource.Builder#maxEventSize}). */
        TOO_LARGE,
        /** A redirect the source does not follow: to another origin (unless allowed), from HTTPS to HTTP, or too many. */
        REDIRECT,
        /** Something unexpected went wrong inside the source or its listener; the cause says what. */
        INTERNAL
    }

    private final Kind kind;
    private final int status;

    EventSourceException(Kind kind, int status, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.status = status;
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status, or 0 if there was no response. */
    public int status() {
        return status;
    }
}
