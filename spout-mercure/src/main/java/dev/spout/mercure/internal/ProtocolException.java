package dev.spout.mercure.internal;

/**
 * A request the protocol refuses, with the status the hub answers and the reason in words (the body of the answer):
 * {@code 400} for a malformed field, {@code 403} for the hub's own namespace, {@code 413} past a bound.
 *
 * <pre>{@code
 * throw new ProtocolException(400, "The retry field takes digits only, got -1");
 * }</pre>
 */
final class ProtocolException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;

    ProtocolException(int status, String reason) {
        super(reason, null, false, false); // an answer to a request, not a failure: no stack trace
        this.status = status;
    }

    int status() {
        return status;
    }
}
