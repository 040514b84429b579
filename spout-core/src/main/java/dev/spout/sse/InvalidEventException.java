package dev.spout.sse;

/**
 * An event that cannot be written as it is: an event name or id with a line break (it would end its field early and
 * let the rest forge fields or events), an id with NUL, text that is not well-formed UTF-16 (a lone surrogate), or a
 * negative reconnection delay. Nothing was written or published. An {@link IllegalArgumentException}, so code that
 * catches those still does; the Spring Boot starter answers it with {@code 400} and a problem detail that says which
 * rule the event broke.
 *
 * <pre>{@code
 * try {
 *     topic.publish(SseEvent.of(body).withEvent(type));
 * } catch (InvalidEventException refused) {
 *     return HttpResponse.text(refused.getMessage()).withStatus(400);
 * }
 * }</pre>
 */
public final class InvalidEventException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** An event refused for the reason {@code message} gives. */
    public InvalidEventException(String message) {
        super(message);
    }
}
