package dev.spout.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spout.engine.auth.Access;
import dev.spout.engine.topic.Topic;
import dev.spout.testkit.Await;
import dev.spout.testkit.SseTestClient;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Who may open a stream: limits, authorization and cross-origin rules. */
class AdmissionTest {
    Spout app;
    final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        app.close();
        http.close();
    }

    HttpResponse<String> get(String path, String... headers) throws Exception {
        var request = HttpRequest.newBuilder(app.uri(path)).header("Accept", "text/event-stream");
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(
            delimiter = '|',
            value = {
                "text/event-stream | 200",
                "TEXT/Event-Stream | 200",
                "text/html, text/event-stream;q=0.9 | 200",
                "text/event-stream ; charset=utf-8 | 200",
                "text/event-stream;q=0 | 406",
                "text/html | 406",
                "application/json | 406",
                "*/* | 200",
                "text/* | 200",
                "application/json, */*;q=0.1 | 200",
                "text/event-stream;q=0, */* | 406",
                "text/*;q=0, */* | 406",
                "*/*;q=0 | 406",
            })
    void aStreamIsOpenedForAnAcceptThatTakesEventStreams(String accept, int status) throws Exception {
        app = Spout.create();
        app.sse("/s", app.topic("t"));
        app.start("127.0.0.1", 0);

        var response = http.send(
                HttpRequest.newBuilder(app.uri("/s")).header("Accept", accept).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        try (var body = response.body()) {
            assertThat(response.statusCode()).as("Accept: %s", accept).isEqualTo(status);
        }
    }

    @Test
    void streamsBeyondTheLimitGet503WithRetryAfter() throws Exception {
        app = Spout.create(options -> options.maxStreams(2).retryAfter(Duration.ofSeconds(7)));
        app.sse("/s", app.topic("t"));
        app.start("127.0.0.1", 0);

        try (var one = SseTestClient.open(app.uri("/s"));
                var two = SseTestClient.open(app.uri("/s"))) {
            var third = get("/s");
            assertThat(third.statusCode()).isEqualTo(503);
            assertThat(third.headers().firstValue("Retry-After")).hasValue("7");
            assertThat(one.status()).isEqualTo(200);
            assertThat(two.status()).isEqualTo(200);
        }
        awaitOpenStreams(0);
        try (var again = SseTestClient.open(app.uri("/s"))) {
            assertThat(again.status()).as("slots are released when streams end").isEqualTo(200);
        }
        assertThat(app.stats().rejectedStreams()).isEqualTo(1);
    }

    @Test
    void eachClientAddressHasItsOwnLimit() throws Exception {
        app = Spout.create(options -> options.maxStreamsPerAddress(1));
        app.sse("/s", sse -> Thread.sleep(Duration.ofMinutes(1)));
        app.start("127.0.0.1", 0);

        try (var first = SseTestClient.open(app.uri("/s"))) {
            assertThat(first.status()).isEqualTo(200);
            assertThat(get("/s").statusCode()).isEqualTo(503);
        }
    }

    /** The review found 1,000 streams from one address all answered 200: by default one client has 500. */
    @Test
    void byDefaultOneClientAddressHasFiveHundredStreams() throws Exception {
        app = Spout.create();
        app.sse("/s", sse -> Thread.sleep(Duration.ofMinutes(1)));
        app.start("127.0.0.1", 0);
        List<java.net.Socket> streams = new ArrayList<>();
        try {
            for (int i = 0; i < 500; i++) {
                streams.add(rawStream());
            }
            for (java.net.Socket stream : streams) {
                assertThat(statusLine(stream)).startsWith("HTTP/1.1 200 ");
            }
            try (var past = rawStream()) {
                assertThat(statusLine(past)).startsWith("HTTP/1.1 503 ");
            }
            assertThat(get("/s").statusCode()).isEqualTo(503);
        } finally {
            for (java.net.Socket stream : streams) {
                stream.close();
            }
        }
        Await.value("open streams", app::openStreams, 0);
        try (var again = SseTestClient.open(app.uri("/s"))) {
            assertThat(again.status()).as("slots are released when streams end").isEqualTo(200);
        }
    }

    private java.net.Socket rawStream() throws java.io.IOException {
        var socket = new java.net.Socket("127.0.0.1", app.port());
        socket.setSoTimeout((int) Await.DEFAULT.toMillis());
        socket.getOutputStream()
                .write("GET /s HTTP/1.1\r\nHost: test\r\nAccept: text/event-stream\r\n\r\n"
                        .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        return socket;
    }

    private static String statusLine(java.net.Socket socket) throws java.io.IOException {
        var line = new StringBuilder();
        var in = socket.getInputStream();
        for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
            line.append((char) b);
        }
        return line.toString();
    }

    @Test
    void theAuthorizerRefusesWith401Or403AndNoEvents() throws Exception {
        app = Spout.create();
        Topic secret = app.topic(
                "secret",
                t -> t.authorize(
                        request -> switch (request.header("Authorization").orElse("")) {
                            case "Bearer good" -> Access.ALLOW;
                            case "" -> Access.UNAUTHORIZED;
                            default -> Access.FORBIDDEN;
                        }));
        app.sse("/secret", secret);
        app.start("127.0.0.1", 0);
        secret.publish("classified");

        var anonymous = get("/secret");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.body()).doesNotContain("classified");
        assertThat(get("/secret", "Authorization", "Bearer bad").statusCode()).isEqualTo(403);
        try (var allowed = SseTestClient.open(app.uri("/secret"), java.util.Map.of("Authorization", "Bearer good"))) {
            assertThat(allowed.status()).isEqualTo(200);
        }
        assertThat(secret.stats().replayed()).isZero();
    }

    @Test
    void allowedOriginsGetCorsHeadersAndPreflightsOthersDoNot() throws Exception {
        app = Spout.create(options -> options.cors(List.of("https://app.example"), true));
        app.sse("/s", app.topic("t"));
        app.start("127.0.0.1", 0);

        try (var allowed = SseTestClient.open(app.uri("/s"), java.util.Map.of("Origin", "https://app.example"))) {
            assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin"))
                    .hasValue("https://app.example");
            assertThat(allowed.headers().firstValue("Access-Control-Allow-Credentials"))
                    .hasValue("true");
        }
        try (var other = SseTestClient.open(app.uri("/s"), java.util.Map.of("Origin", "https://evil.example"))) {
            assertThat(other.headers().firstValue("Access-Control-Allow-Origin"))
                    .isEmpty();
        }
        var preflight = http.send(
                HttpRequest.newBuilder(app.uri("/s"))
                        .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                        .header("Origin", "https://app.example")
                        .header("Access-Control-Request-Method", "GET")
                        .header("Access-Control-Request-Headers", "last-event-id")
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(preflight.statusCode()).isEqualTo(204);
        assertThat(preflight
                        .headers()
                        .firstValue("Access-Control-Allow-Headers")
                        .orElseThrow())
                .contains("Last-Event-ID");
    }

    void awaitOpenStreams(int expected) {
        Await.value("open streams", app::openStreams, expected);
    }
}
