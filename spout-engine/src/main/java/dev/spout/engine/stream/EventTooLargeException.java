package dev.spout.engine.stream;

/**
 * An event refused because it is bigger than its stream or topic takes: nothing was written or published. An
 * {@link IllegalArgumentException}, since the event is at fault, not the stream.
 *
 * <pre>{@code
 * try {
 *     topic.publish(hugeReport);
 * } catch (EventTooLargeException e) {
 *     log.warn("Report not published: {} bytes, at most {}", e.size(), e.limit());
 * }
 * }</pre>
 */
public final class EventTooLargeException extends IllegalArgumentException {
    private final long size;
    private final long limit;

    /**
     * An event of {@code size} bytes refused by {@code where} (a topic, a stream), which takes at most {@code limit},
     * as set by {@code setting}.
     */
    public EventTooLargeException(String where, long size, long limit, String setting) {
        super("The event is " + size + " bytes encoded; " + where + " takes at most " + limit + " (" + setting + ")");
        this.size = size;
        this.limit = limit;
    }

    /** The encoded size of the refused event, in bytes. */
    public long size() {
        return size;
    }

    /** The most it may have had. */
    public long limit() {
        return limit;
    }
}
