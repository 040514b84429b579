package dev.spout.conformance;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One case: a stream's bytes and what a conforming reader reports for it, including at the end of the stream
 * (an event not ended by a blank line is never dispatched).
 *
 * @param name where the case comes from and what it checks
 * @param stream the stream, as text (encoded as UTF-8 on the wire)
 * @param expected what is seen, in order
 */
public record FormatCase(String name, String stream, List<Seen> expected) {
    public FormatCase {
        expected = List.copyOf(expected);
    }

    public byte[] bytes() {
        return stream.getBytes(StandardCharsets.UTF_8);
    }

    /** Only the dispatched events, for readers that report nothing else. */
    public List<Seen.Event> events() {
        return expected.stream()
                .filter(Seen.Event.class::isInstance)
                .map(Seen.Event.class::cast)
                .toList();
    }

    @Override
    public String toString() {
        return name;
    }
}
