package dev.spout.conformance;

/**
 * What a conforming reader reports for a stream, in order: dispatched events, and (where a reader exposes them)
 * comments and reconnection delays.
 *
 * <pre>{@code
 * List<Seen> expected = List.of(new Seen.Retry(1000), new Seen.Event("message", "test1", ""));
 * }</pre>
 */
public sealed interface Seen {
    /** A dispatched event, as a browser's MessageEvent shows it. */
    record Event(String type, String data, String lastEventId) implements Seen {}

    /** A comment line's text. */
    record Comment(String text) implements Seen {}

    /** A valid {@code retry} field. */
    record Retry(long millis) implements Seen {}
}
