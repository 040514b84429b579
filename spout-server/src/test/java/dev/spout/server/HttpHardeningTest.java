package dev.spout.server;

import static dev.spout.html.Html.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spout.testkit.Await;
import dev.spout.testkit.SseTestClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Protective response headers, and a deadline for request heads so a trickling client cannot hold a connection. */
class HttpHardeningTest {
    private Spout app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        try (var http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(app.uri(path)).build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    @Test
    void pagesAndStreamsCarrySafeHeadersByDefault() throws Exception {
        app = Spout.create();
        app.page("/page", page -> text("hi")).sse("/sse", app.topic("t"));
        app.start("127.0.0.1", 0);

        var page = get("/page");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValue("frame-ancestors 'none'");
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("strict-origin-when-cross-origin");
        assertThat(page.headers().firstValue("Strict-Transport-Security"))
                .as("no HSTS over cleartext")
                .isEmpty();
        try (var stream = SseTestClient.open(app.uri("/sse"))) {
            assertThat(stream.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        }
    }

    @Test
    void theHeadersAreConfigurable() throws Exception {
        app = Spout.create(options -> options.securityHeaders(
                SecurityHeaders.defaults().frameAncestors("'self'").referrerPolicy("no-referrer")));
        app.page("/page", page -> text("hi"));
        app.start("127.0.0.1", 0);

        var page = get("/page");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValue("frame-ancestors 'self'");
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("SAMEORIGIN");
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
    }

    @Test
    void aClientTricklingItsRequestHeadIsDisconnectedAtTheDeadline() throws Exception {
        app = Spout.create(options -> options.requestHeadTimeout(Duration.ofMillis(500)));
        app.page("/page", page -> text("hi"));
        app.start("127.0.0.1", 0);

        try (var logs = new LogCapture();
                var socket = new Socket("127.0.0.1", app.port())) {
            var closed = new CountDownLatch(1);
            Thread.ofVirtual()
                    .start(
                            () -> { // the server closing shows as the end of the stream (or a reset)
                                try {
                                    while (socket.getInputStream().read() >= 0) {
                                        // a response would be read here; none comes to an unfinished head
                                    }
                                } catch (IOException reset) {
                                    // closed just as well
                                }
                                closed.countDown();
                            });
            OutputStream out = socket.getOutputStream();
            out.write("GET /page HTTP/1.1\r\nHost: test\r\n".getBytes(StandardCharsets.US_ASCII));
            int sent = 0;
            // One header line every 200 ms, each far within any idle timeout, for at most 6 s (30 lines).
            while (sent < 30 && !closed.await(200, TimeUnit.MILLISECONDS)) {
                try {
                    out.write(("X-Trickle-" + sent++ + ": 1\r\n").getBytes(StandardCharsets.US_ASCII));
                } catch (IOException closedByServer) {
                    break;
                }
            }
            assertThat(closed.await(Await.DEFAULT.toMillis(), TimeUnit.MILLISECONDS))
                    .as("the server closed the connection")
                    .isTrue();
            assertThat(sent).as("long before the client was done").isLessThan(30);
            assertThat(logs.messages("dev.spout.server.internal.http.RequestHeadDeadline"))
                    .as("said once: a client gets no response when closed this way")
                    .filteredOn(line -> line.contains("so far"))
                    .containsExactly("Closed a connection that had sent no complete request head within 500 ms (1 so"
                            + " far): a slow or idle client, or this server too busy to read what was sent"
                            + " (SpoutOptions.requestHeadTimeout)");
        }
    }

    @Test
    void aPromptClientKeepsItsConnectionAcrossRequests() throws Exception {
        app = Spout.create(options -> options.requestHeadTimeout(Duration.ofMillis(500)));
        app.page("/page", page -> text("hi"));
        app.start("127.0.0.1", 0);

        try (var socket = new Socket("127.0.0.1", app.port())) {
            socket.setSoTimeout((int) Await.DEFAULT.toMillis());
            for (int i = 0; i < 3; i++) {
                socket.getOutputStream()
                        .write("GET /page HTTP/1.1\r\nHost: test\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                assertThat(readResponseHead(socket.getInputStream())).startsWith("HTTP/1.1 200");
            }
        }
    }

    private static String readResponseHead(InputStream in) throws IOException {
        var head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            assertThat(b).as("response head").isNotNegative();
            head.append((char) b);
        }
        int length = Integer.parseInt(head.toString()
                .lines()
                .filter(l -> l.toLowerCase().startsWith("content-length:"))
                .findFirst()
                .orElseThrow()
                .substring("content-length:".length())
                .trim());
        assertThat(in.readNBytes(length)).hasSize(length);
        return head.toString();
    }
}
