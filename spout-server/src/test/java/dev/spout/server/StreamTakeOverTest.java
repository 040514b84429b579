package dev.spout.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spout.engine.auth.Access;
import dev.spout.engine.topic.Topic;
import dev.spout.testkit.Await;
import dev.spout.testkit.SseTestClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.ref.WeakReference;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.server.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An HTTP/1.x topic stream leaves Jetty's request handling once its headers are out (see {@link StreamConnection}),
 * and still behaves in every way a client can see: the exact bytes, prompt disconnects, a clean end, TLS, HTTP/1.0.
 */
class StreamTakeOverTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private Spout app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void anOpenTopicStreamLetsGoOfJettysRequestAndKeepsStreaming() throws Exception {
        var jettyRequest = new AtomicReference<WeakReference<Request>>();
        var endPoint = new AtomicReference<org.eclipse.jetty.io.EndPoint>();
        app = Spout.create();
        Topic topic = app.topic(
                "news",
                t -> t.authorize(request -> {
                    var jetty = request.unwrap(org.eclipse.jetty.server.Request.class)
                            .orElseThrow();
                    jettyRequest.set(new WeakReference<>(jetty));
                    endPoint.set(jetty.getConnectionMetaData().getConnection().getEndPoint());
                    return Access.ALLOW;
                }));
        app.sse("/news", topic);
        app.start("127.0.0.1", 0);

        try (var client = SseTestClient.open(app.uri("/news"))) {
            String first = topic.publish("one");
            assertThat(client.next(WAIT)).isEqualTo(new SseTestClient.Event("message", "one", first));

            assertThat(collected(jettyRequest.get()))
                    .as("Jetty's request is garbage once the stream writes on its own")
                    .isTrue();
            assertThat(endPoint.get().getIdleTimeout())
                    .as("no idle-timeout task kept per taken-over connection: heartbeats find dead peers")
                    .isZero();

            String second = topic.publish("two");
            assertThat(client.next(WAIT)).isEqualTo(new SseTestClient.Event("message", "two", second));
            assertThat(app.openStreams()).isEqualTo(1);
        }
    }

    @Test
    void aClientLeavingATakenOverStreamIsNoticedAtOnce() throws Exception {
        app = Spout.create(options -> options.heartbeat(Duration.ofMinutes(1)));
        Topic topic = app.topic("news");
        app.sse("/news", topic);
        app.start("127.0.0.1", 0);

        try (var client = SseTestClient.open(app.uri("/news"))) {
            topic.publish("hello");
            client.next(WAIT);
            assertThat(topic.subscribers()).isEqualTo(1);
        }
        // Noticed by the connection's read interest: the heartbeat, a minute away, would be far too late.
        Await.value("subscribers after the client left", topic::subscribers, 0);
        assertThat(app.openStreams())
                .as("a stream leaves the count of open streams before it leaves its topic")
                .isZero();
    }

    @Test
    void theBodyIsTheEventsExactlyAndEndsWithTheConnectionWhenTheServerStops() throws Exception {
        app = Spout.create(options -> options.shutdownTimeout(WAIT));
        Topic topic = app.topic("news");
        app.sse("/news", topic);
        app.start("127.0.0.1", 0);

        try (var socket = new Socket("127.0.0.1", app.port())) {
            socket.setSoTimeout((int) WAIT.toMillis());
            request(socket, "HTTP/1.1");
            InputStream in = socket.getInputStream();
            String head = readUntil(in, "\r\n\r\n");
            assertThat(head)
                    .startsWith("HTTP/1.1 200")
                    .contains("Connection: close")
                    .doesNotContainIgnoringCase("Transfer-Encoding")
                    .doesNotContainIgnoringCase("Content-Length");
            awaitSubscribers(topic, 1);
            String first = topic.publish("hello");
            String second = topic.publish("line one\nline two");
            assertThat(readUntil(in, "data: line two\n\n"))
                    .as("nothing but the events, byte for byte: no chunk framing in a body delimited by the close")
                    .isEqualTo(
                            "id: " + first + "\ndata: hello\n\nid: " + second + "\ndata: line one\ndata: line two\n\n");

            app.close();

            assertThat(in.readAllBytes())
                    .as("the connection ends, cleanly, after the last event")
                    .isEmpty();
        }
    }

    @Test
    void anHttp10ClientGetsABodyWithoutChunks() throws Exception {
        app = Spout.create();
        Topic topic = app.topic("news");
        app.sse("/news", topic);
        app.start("127.0.0.1", 0);

        try (var socket = new Socket("127.0.0.1", app.port())) {
            socket.setSoTimeout((int) WAIT.toMillis());
            request(socket, "HTTP/1.0");
            InputStream in = socket.getInputStream();
            String head = readUntil(in, "\r\n\r\n");
            assertThat(head).startsWith("HTTP/1.1 200").doesNotContainIgnoringCase("chunked");
            awaitSubscribers(topic, 1);
            String first = topic.publish("first");
            String second = topic.publish("second");

            String body = readUntil(in, "data: second\n\n");
            assertThat(body).isEqualTo("id: " + first + "\ndata: first\n\nid: " + second + "\ndata: second\n\n");
        }
    }

    @Test
    void aTopicStreamOverTlsIsTakenOverToo(@TempDir Path dir) throws Exception {
        Path keyStore = Http2Test.selfSignedKeyStore(dir);
        app = Spout.create(options -> options.tls(keyStore, "secret").shutdownTimeout(WAIT));
        Topic topic = app.topic("news");
        app.sse("/news", topic);
        app.start("127.0.0.1", 0);
        try (var http11 = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .sslContext(Http2Test.trusting(keyStore))
                .build()) {
            var client = SseTestClient.open(http11, URI.create("https://localhost:" + app.port() + "/news"), Map.of());
            assertThat(client.response().version()).isEqualTo(HttpClient.Version.HTTP_1_1);
            for (String data : new String[] {"one", "two", "three"}) {
                String id = topic.publish(data);
                assertThat(client.next(WAIT)).isEqualTo(new SseTestClient.Event("message", data, id));
            }

            app.close();

            assertThat(client.awaitEnd(WAIT)).isTrue();
            assertThat(client.readFailure()).as("a clean end of the body").isEmpty();
        }
    }

    private static void request(Socket socket, String version) throws IOException {
        String request = "GET /news " + version + "\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n";
        socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
    }

    /** Reads until the text ends with {@code end}; a read timeout fails the test rather than hanging it. */
    private static String readUntil(InputStream in, String end) throws IOException {
        var read = new ByteArrayOutputStream();
        while (!read.toString(StandardCharsets.UTF_8).endsWith(end)) {
            int b = in.read();
            if (b < 0) {
                throw new AssertionError("The stream ended before '" + end.strip() + "': " + read);
            }
            read.write(b);
        }
        return read.toString(StandardCharsets.UTF_8);
    }

    private static void awaitSubscribers(Topic topic, int count) {
        Await.value("subscribers of " + topic.name(), topic::subscribers, count);
    }

    /** Whether the referent is collected within a few full collections (a weak reference clears at the first). */
    private static boolean collected(WeakReference<?> reference) throws InterruptedException {
        for (int attempt = 0; attempt < 20 && reference.get() != null; attempt++) {
            System.gc();
            Thread.sleep(50);
        }
        return reference.get() == null;
    }
}
