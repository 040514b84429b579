package dev.spout.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.spout.server.Spout;
import dev.spout.testkit.SseTestClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The demo launcher: an index linking every example, each example live under its prefix. */
class DemoTest {

    @Test
    void theIndexLinksEveryExampleAndTheyServeUnderTheirPrefixes() throws Exception {
        try (var app = Demo.define(Spout.create()).start("127.0.0.1", 0);
                var http = HttpClient.newHttpClient()) {
            String base = "http://127.0.0.1:" + app.port();
            var index = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(index.body()).contains("href=\"/clock/client\"").contains("href=\"/toggles/client\"");

            try (var clock = SseTestClient.open(URI.create(base + "/clock/sse"))) {
                var tick = clock.next(Duration.ofSeconds(3));
                assertThat(tick.type()).isEqualTo("message");
                assertThat(tick.lastEventId()).matches("[0-9]");
            }
            try (var toggles = SseTestClient.open(URI.create(base + "/toggles/sse"))) {
                assertThat(toggles.next(Duration.ofSeconds(3)).data()).isEqualTo("{\"one\":true,\"two\":false}");
            }
        }
    }

    @Test
    void thePortComesFromTheArgumentsOrDefaults() {
        assertThat(Ports.fromArgs(new String[] {"--port", "9090"})).isEqualTo(9090);
        assertThat(Ports.fromArgs(new String[] {"--port=9091"})).isEqualTo(9091);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Ports.fromArgs(new String[] {"--port", "http"}))
                .withMessageContaining("--port");
    }
}
