package dev.spout.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What a hostile or broken server cannot do to the client: exhaust its memory with a line that never ends, make it
 * reconnect in a tight loop, hang it before the response, or get custom headers through a redirect; and bytes are
 * decoded as browsers decode them.
 */
class ClientSafetyTest {
    static final Duration WAIT = Duration.ofSeconds(10);
    final ScriptedServer server = new ScriptedServer();

    ClientSafetyTest() throws Exception {}

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @Test
    void aDataLineThatNeverEndsFailsTheStreamAtTheBoundInsteadOfExhaustingMemory() throws Exception {
        server.then((request, exchange) -> {
            exchange.stream().write("data: ");
            byte[] chunk = "x".repeat(16 * 1024).getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 1024; i++) { // 16 MiB at most: four times the default bound, and never a line end
                exchange.write(chunk, 0);
            }
            exchange.holdUntilClientCloses(WAIT);
        });

        try (var source = EventSource.builder(server.uri("/s")).connect()) {
            var failed = Happenings.next(source, StreamEvent.Failed.class, WAIT);
            assertThat(failed.cause().kind()).isEqualTo(EventSourceException.Kind.TOO_LARGE);
            assertThat(failed.cause()).hasMessageContaining("longer than 4194304 bytes");
        }
        assertThat(server.pendingRequests())
                .as("no reconnection after a refused stream")
                .isLessThanOrEqualTo(1);
    }

    @Test
    void retryZeroStillWaitsAndBacksOff() throws Exception {
        for (int i = 0; i < 4; i++) {
            server.then((request, exchange) ->
                    exchange.stream().write("retry: 0\ndata: x\n\n").drop());
        }
        server.then(
                (request, exchange) -> exchange.stream().write("data: last\n\n").end());

        List<Duration> delays = new ArrayList<>();
        try (var source = EventSource.builder(server.uri("/s"))
                .backoff(Backoff.exponential().withJitter(0))
                .connect()) {
            for (int i = 0; i < 4; i++) {
                delays.add(Happenings.next(source, StreamEvent.Reconnecting.class, WAIT)
                        .delay());
            }
        }
        assertThat(delays)
                .containsExactly(
                        Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400), Duration.ofMillis(800));
    }

    @Test
    void aServerThatNeverAnswersTimesOutAndIsRetried() throws Exception {
        server.then((request, exchange) -> exchange.holdUntilClientCloses(WAIT)) // accepts, reads, says nothing
                .then((request, exchange) ->
                        exchange.stream().write("data: at last\n\n").end());

        try (var source = EventSource.builder(server.uri("/s"))
                .readTimeout(Duration.ofMillis(500))
                .backoff(Backoff.none())
                .connect()) {
            var reconnecting = Happenings.next(source, StreamEvent.Reconnecting.class, WAIT);
            assertThat(reconnecting.cause()).isInstanceOf(HttpTimeoutException.class);
            assertThat(Happenings.next(source, MessageEvent.class, WAIT).data()).isEqualTo("at last");
        }
    }

    @Test
    void aRedirectToAnotherOriginIsRefusedByDefault() throws Exception {
        try (var other = new ScriptedServer()) {
            server.then(
                    (request, exchange) -> exchange.respond(302, "Location: " + other.uri("/x"), "Content-Length: 0")
                            .end());
            try (var source = EventSource.builder(server.uri("/s"))
                    .header("X-Api-Key", "secret")
                    .connect()) {
                var failed = Happenings.next(source, StreamEvent.Failed.class, WAIT);
                assertThat(failed.cause().kind()).isEqualTo(EventSourceException.Kind.REDIRECT);
                assertThat(failed.cause()).hasMessageContaining("another origin");
            }
            assertThat(other.pendingRequests())
                    .as("the other host heard nothing")
                    .isZero();
        }
    }

    @Test
    void aCrossOriginRedirectFollowedOnRequestCarriesNoCustomHeaders() throws Exception {
        try (var other = new ScriptedServer()) {
            server.then((request, exchange) -> exchange.respond(307, "Location: /same", "Content-Length: 0")
                            .end())
                    .then((request, exchange) -> exchange.respond(
                                    307, "Location: " + other.uri("/x"), "Content-Length: 0")
                            .end());
            other.then((request, exchange) ->
                    exchange.stream().write("data: there\n\n").end());
            try (var source = EventSource.builder(server.uri("/s"))
                    .header("X-Api-Key", "secret")
                    .header("Authorization", "Bearer secret")
                    .lastEventId("41")
                    .followCrossOriginRedirects(true)
                    .reconnect(false)
                    .connect()) {
                assertThat(Happenings.next(source, MessageEvent.class, WAIT).data())
                        .isEqualTo("there");
            }
            var first = server.request(WAIT);
            var sameOrigin = server.request(WAIT);
            assertThat(sameOrigin.path()).isEqualTo("/same");
            assertThat(sameOrigin.header("X-Api-Key")).as("same origin: kept").isEqualTo("secret");
            assertThat(first.header("Last-Event-ID")).isEqualTo("41");
            var crossed = other.request(WAIT);
            assertThat(crossed.header("X-Api-Key")).isNull();
            assertThat(crossed.header("Authorization")).isNull();
            assertThat(crossed.header("Last-Event-ID")).isNull();
            assertThat(crossed.header("Accept")).isEqualTo("text/event-stream");
        }
    }

    @Test
    void anHttpClientThatFollowsRedirectsItselfIsRefused() {
        try (var http = java.net.http.HttpClient.newBuilder()
                .followRedirects(java.net.http.HttpClient.Redirect.NORMAL)
                .build()) {
            org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                    .isThrownBy(() -> EventSource.builder(server.uri("/s")).httpClient(http))
                    .withMessageContaining("Redirect.NEVER");
        }
    }

    @Test
    void invalidUtf8IsDecodedAsBrowsersDecodeIt() throws Exception {
        server.then((request, exchange) -> {
            exchange.stream();
            exchange.write(new byte[] {'d', 'a', 't', 'a', ':', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '\n', '\n'}, 0);
            exchange.end();
        });
        try (var source = EventSource.builder(server.uri("/s")).reconnect(false).connect()) {
            assertThat(Happenings.next(source, MessageEvent.class, WAIT).data()).isEqualTo("\uFFFD\uFFFD\uFFFD");
        }
    }
}
