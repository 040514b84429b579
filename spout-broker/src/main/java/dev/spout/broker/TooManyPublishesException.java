package dev.spout.broker;

/**
 * A broker refused a publish at once because as many publishes as it holds already wait for it: nothing of this
 * event was written, so a retry cannot duplicate it. What a publish future completes with when a burst outruns the
 * broker (Redis: {@code RedisBrokerBuilder.maxPublishesWaiting}), rather than memory that grows without bound or a
 * request queue that overflows; an HTTP endpoint answers {@code 503}, and the caller publishes again later or more
 * slowly.
 *
 * <pre>{@code
 * topic.publishAsync(SseEvent.of(digest)).whenComplete((id, failure) -> {
 *     if (failure instanceof TooManyPublishesException) {
 *         retryLater(digest); // nothing was written: the retry is no duplicate
 *     }
 * });
 * }</pre>
 */
public final class TooManyPublishesException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** A refusal saying which bound was reached and what to do about it. */
    public TooManyPublishesException(String message) {
        // No stack trace: refusals come by the thousand in a burst, each made in the broker, and its place there
        // tells nothing the message does not; the caller's own join() or get() adds where it waited.
        super(message, null, false, false);
    }
}
