package dev.spout.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spout.bench.common.Args;
import dev.spout.server.Spout;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The bench server's {@code POST /publish} contract: an id for a good body, a plain 400 or 413 for a bad one. */
class BenchServerTest {
    private Spout app;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        app = BenchServer.start(Args.options(new String[] {"--port", "0", "--rate", "0"}));
    }

    @AfterEach
    void stop() {
        http.close();
        app.close();
    }

    private HttpResponse<String> publish(byte[] body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(app.uri("/publish"))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void itListensOnLoopbackByDefault() {
        var connector = (org.eclipse.jetty.server.ServerConnector) app.jetty().getConnectors()[0];
        assertThat(connector.getHost()).isEqualTo("127.0.0.1");
    }

    /** A DNS-rebinding page names its own host (now 127.0.0.1), and its Origin matches it: refused all the same. */
    @Test
    void aRequestForAnotherHostIsRefusedOnLoopback() throws Exception {
        String rebound = "evil.example:" + app.port();
        String answer = raw("POST /publish HTTP/1.1\r\nHost: " + rebound + "\r\nOrigin: http://" + rebound
                + "\r\nContent-Type: text/plain\r\nContent-Length: 5\r\nConnection: close\r\n\r\nhello");
        assertThat(answer).startsWith("HTTP/1.1 421 ");
        assertThat(app.topics().getFirst().stats().published()).isZero();
        for (String host : new String[] {"localhost", "127.0.0.1", "[::1]"}) {
            assertThat(raw("GET /publish HTTP/1.1\r\nHost: " + host + ":" + app.port()
                            + "\r\nConnection: close\r\n\r\n"))
                    .as(host)
                    .startsWith("HTTP/1.1 405 "); // the endpoint itself answers: POST only
        }
    }

    private String raw(String request) throws Exception {
        try (var socket = new java.net.Socket("127.0.0.1", app.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void aGoodBodyIsPublishedAndAnsweredWithItsId() throws Exception {
        var response = publish("hello".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).matches("\\d+");
    }

    @Test
    void invalidUtf8GetsAPlain400() throws Exception {
        var response = publish(new byte[] {'a', (byte) 0xED, (byte) 0xA0, (byte) 0x80});
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("not valid UTF-8").doesNotContain("Exception");
        assertThat(app.topics().getFirst().stats().published()).isZero();
    }

    @Test
    void aBodyBiggerThanTheTopicTakesGets413() throws Exception {
        var overTopic = publish(new byte[300 * 1024]);
        assertThat(overTopic.statusCode()).isEqualTo(413);
        assertThat(overTopic.body()).contains("at most");
        var overBody = publish(new byte[2 * 1024 * 1024]);
        assertThat(overBody.statusCode()).isEqualTo(413);
        assertThat(app.topics().getFirst().stats().published()).isZero();
    }
}
