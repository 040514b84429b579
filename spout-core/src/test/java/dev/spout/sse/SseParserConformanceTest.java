package dev.spout.sse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spout.conformance.FormatCase;
import dev.spout.conformance.FormatCases;
import dev.spout.conformance.Seen;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The web-platform-tests {@code eventsource/format-*} cases ({@link FormatCases}), each fed to the parser whole and
 * in chunks of 1, 2, 3, 5 and 7 bytes.
 */
class SseParserConformanceTest {

    static Stream<Arguments> casesInChunks() {
        return FormatCases.all().stream()
                .flatMap(c -> IntStream.of(0, 1, 2, 3, 5, 7).mapToObj(size -> Arguments.of(c, size)));
    }

    @ParameterizedTest(name = "{0} [chunks of {1}]")
    @MethodSource("casesInChunks")
    void parsesLikeTheStandard(FormatCase c, int chunkSize) {
        assertThat(parse(c.bytes(), chunkSize)).containsExactlyElementsOf(c.expected());
    }

    static List<Seen> parse(byte[] stream, int chunkSize) {
        List<Seen> seen = new ArrayList<>();
        var parser = new SseParser(new SseParser.Listener() {
            @Override
            public void onEvent(String type, String data, String lastEventId) {
                seen.add(new Seen.Event(type, data, lastEventId));
            }

            @Override
            public void onComment(String comment) {
                seen.add(new Seen.Comment(comment));
            }

            @Override
            public void onRetry(long millis) {
                seen.add(new Seen.Retry(millis));
            }
        });
        int step = chunkSize == 0 ? Math.max(1, stream.length) : chunkSize;
        for (int i = 0; i < stream.length; i += step) {
            parser.feed(stream, i, Math.min(step, stream.length - i));
        }
        parser.end();
        return seen;
    }
}
