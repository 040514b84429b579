package dev.spout.datastar;

import org.jspecify.annotations.Nullable;

/**
 * Signals that cannot be read: not JSON, not an object, not of the asked type, or past the bounds of
 * {@link Signals}. Its message says which, for a {@code 400} answer.
 *
 * <pre>{@code
 * try {
 *     form = Signals.read(request.text(), Form.class);
 * } catch (InvalidSignalsException bad) {
 *     return HttpResponse.text(bad.getMessage()).withStatus(400);
 * }
 * }</pre>
 */
public final class InvalidSignalsException extends IllegalArgumentException {
    InvalidSignalsException(String message) {
        super(message);
    }

    InvalidSignalsException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
