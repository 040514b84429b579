package dev.spout.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spout.conformance.FormatCase;
import dev.spout.conformance.FormatCases;
import dev.spout.conformance.Seen;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every web-platform-tests {@code eventsource/format-*} case, served by a real local HTTP server in chunks of 1, 2
 * and 3 bytes and whole, read by the client: what it reports must be what the standard says, including BOMs and
 * CR/LF pairs split across chunks and an unterminated last event (never delivered).
 */
class ClientConformanceTest {
    static ScriptedServer server;

    @BeforeAll
    static void start() throws Exception {
        server = new ScriptedServer();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    static Stream<Arguments> casesInChunks() {
        return FormatCases.all().stream()
                .flatMap(c -> IntStream.of(1, 2, 3, 0).mapToObj(size -> Arguments.of(c, size)));
    }

    @ParameterizedTest(name = "{0} [chunks of {1}]")
    @MethodSource("casesInChunks")
    void readsEveryCaseAsTheStandardSays(FormatCase c, int chunkSize) throws Exception {
        server.then((request, exchange) ->
                exchange.stream().write(c.bytes(), chunkSize).end());

        List<StreamEvent> happened;
        try (var source =
                EventSource.builder(server.uri("/format")).reconnect(false).connect()) {
            happened = Happenings.untilEnd(source, Duration.ofSeconds(10));
        }

        List<Seen> seen = new ArrayList<>();
        for (StreamEvent event : happened) {
            switch (event) {
                case MessageEvent m -> {
                    seen.add(new Seen.Event(m.type(), m.data(), m.lastEventId()));
                    assertThat(m.origin()).isEqualTo("http://127.0.0.1:" + server.port());
                }
                case StreamEvent.Comment comment -> seen.add(new Seen.Comment(comment.text()));
                case StreamEvent.RetryChange retry ->
                    seen.add(new Seen.Retry(retry.delay().toMillis()));
                default -> {}
            }
        }
        assertThat(seen).containsExactlyElementsOf(c.expected());
        assertThat(happened.getFirst()).isInstanceOf(StreamEvent.Open.class);
        assertThat(happened.getLast()).isInstanceOf(StreamEvent.Closed.class);
    }
}
