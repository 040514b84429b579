package dev.spout.sse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** For any events, parsing what the encoder wrote gives the same events back, however the bytes are chunked. */
class SseRoundTripTest {

    record Received(String type, String data, String lastEventId) {}

    @Property(tries = 500)
    void parseOfEncodeIsIdentity(
            @ForAll("eventLists") List<SseEvent> events, @ForAll @IntRange(min = 1, max = 64) int chunk) {
        var out = new java.io.ByteArrayOutputStream();
        for (SseEvent event : events) {
            out.writeBytes(SseEncoder.encode(event));
        }
        byte[] stream = out.toByteArray();

        List<Received> received = new ArrayList<>();
        var parser = new SseParser((type, data, id) -> received.add(new Received(type, data, id)));
        for (int i = 0; i < stream.length; i += chunk) {
            parser.feed(stream, i, Math.min(chunk, stream.length - i));
        }
        parser.end();

        List<Received> expected = new ArrayList<>();
        String lastId = "";
        for (SseEvent event : events) {
            lastId = event.id() == null ? lastId : event.id();
            expected.add(new Received(event.type(), normalizeLineBreaks(event.data()), lastId));
        }
        assertThat(received).isEqualTo(expected);
    }

    @Property(tries = 300)
    void anIdAddedToBytesEncodedWithoutOneGivesTheBytesOfTheEventWithIt(@ForAll("eventLists") List<SseEvent> events) {
        for (SseEvent event : events) {
            String id = event.id() == null ? "7" : event.id();
            assertThat(SseEncoder.withId(id, SseEncoder.encodeWithoutId(event)))
                    .isEqualTo(SseEncoder.encode(event.withId(id)));
        }
    }

    @Provide
    Arbitrary<List<SseEvent>> eventLists() {
        return events().list().ofMinSize(1).ofMaxSize(8);
    }

    private static Arbitrary<SseEvent> events() {
        Arbitrary<String> anyText = text(true);
        Arbitrary<String> name = text(false).filter(s -> SseFields.indexOfLineBreak(s, false) < 0);
        Arbitrary<String> id = text(false).filter(s -> SseFields.indexOfLineBreak(s, true) < 0);
        return net.jqwik.api.Combinators.combine(anyText, name.injectNull(0.3), id.injectNull(0.3))
                .as(SseEvent::new);
    }

    /** Text that stresses the format: line breaks, NUL, colons, spaces, BOMs, non-ASCII and surrogate pairs. */
    private static Arbitrary<String> text(boolean withLineBreaks) {
        Arbitrary<String> pieces = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(6),
                Arbitraries.of(
                        "\r", "\n", "\r\n", "\0", ":", " ", "\uFEFF", "\u00E9", "\u20AC", "\uD83D\uDE00", "data: "));
        return pieces.list()
                .ofMaxSize(12)
                .map(list -> String.join("", list))
                .filter(SseRoundTripTest::wellFormed)
                .filter(s -> withLineBreaks || SseFields.indexOfLineBreak(s, false) < 0);
    }

    private static boolean wellFormed(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private static String normalizeLineBreaks(String s) {
        return s.replace("\r\n", "\n").replace('\r', '\n');
    }
}
