package dev.spout.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spout.server.http.HttpResponse;
import dev.spout.testkit.Await;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What a client that connects and then takes its time can hold: a request body trickled a byte at a time is cut off
 * at its deadline (HTTP/1.1), an HTTP/2 connection that never finishes a header block is closed, and past the
 * connection limit new connections wait for a place instead of exhausting the process's files.
 */
class ConnectionBoundsTest {
    /** Frames of HTTP/2, as a client sends them: the preface, then type, flags and stream of each. */
    static final byte[] PREFACE = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private Spout app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    /**
     * Sends {@code first}, then one piece every 200 ms for at most 6 s (30 pieces), until the server closes the
     * connection; returns what the server sent, and how many pieces went out before it closed.
     */
    private record Trickled(String answer, int sent) {}

    private Trickled trickle(byte[] first, IntFunction<byte[]> piece) throws Exception {
        try (var socket = new Socket("127.0.0.1", app.port())) {
            var closed = new CountDownLatch(1);
            var answer = new ByteArrayOutputStream();
            Thread.ofVirtual()
                    .start(
                            () -> { // the server closing shows as the end of the stream (or a reset)
                                try {
                                    InputStream in = socket.getInputStream();
                                    for (int b = in.read(); b >= 0; b = in.read()) {
                                        synchronized (answer) {
                                            answer.write(b);
                                        }
                                    }
                                } catch (IOException reset) {
                                    // closed just as well
                                }
                                closed.countDown();
                            });
            var out = socket.getOutputStream();
            out.write(first);
            int sent = 0;
            while (sent < 30 && !closed.await(200, TimeUnit.MILLISECONDS)) {
                try {
                    out.write(piece.apply(sent++));
                } catch (IOException closedByServer) {
                    break;
                }
            }
            assertThat(closed.await(Await.DEFAULT.toMillis(), TimeUnit.MILLISECONDS))
                    .as("the server closed the connection")
                    .isTrue();
            synchronized (answer) {
                return new Trickled(answer.toString(StandardCharsets.ISO_8859_1), sent);
            }
        }
    }

    @Test
    void aRequestBodyTrickledAByteAtATimeIsCutOffAtItsDeadline() throws Exception {
        app = Spout.create(options -> options.requestBodyTimeout(Duration.ofMillis(500)));
        app.post("/notes", request -> HttpResponse.text("got " + request.text().length()));
        app.start("127.0.0.1", 0);

        var trickled = trickle(
                "POST /notes HTTP/1.1\r\nHost: test\r\nContent-Type: text/plain\r\nContent-Length: 100\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII),
                sent -> new byte[] {'x'});
        assertThat(trickled.answer()).startsWith("HTTP/1.1 408 ");
        assertThat(trickled.sent()).as("long before the client was done").isLessThan(30);
    }

    @Test
    void anHttp2RequestBodyTrickledAByteAtATimeIsCutOffAtItsDeadline() throws Exception {
        app = Spout.create(options -> options.requestBodyTimeout(Duration.ofMillis(500)));
        app.post("/notes", request -> HttpResponse.text("got " + request.text().length()));
        app.start("127.0.0.1", 0);
        var client = new org.eclipse.jetty.http2.client.HTTP2Client();
        client.start();
        try {
            var session = client.connect(
                            new java.net.InetSocketAddress("127.0.0.1", app.port()),
                            new org.eclipse.jetty.http2.api.Session.Listener() {})
                    .get(5, TimeUnit.SECONDS);
            var exchange = new RefusedBodyTest.Exchange();
            var request = new org.eclipse.jetty.http.MetaData.Request(
                    "POST",
                    org.eclipse.jetty.http.HttpURI.from("http://127.0.0.1:" + app.port() + "/notes"),
                    org.eclipse.jetty.http.HttpVersion.HTTP_2,
                    org.eclipse.jetty.http.HttpFields.build().put("Content-Type", "text/plain"),
                    100);
            var stream = session.newStream(
                            new org.eclipse.jetty.http2.frames.HeadersFrame(request, null, false), exchange)
                    .get(5, TimeUnit.SECONDS);
            int sent = 0;
            while (sent < 30 && !exchange.status.isDone()) { // a byte every 200 ms, for at most 6 s
                stream.data(new org.eclipse.jetty.http2.frames.DataFrame(
                                stream.getId(), RefusedBodyTest.ascii("x"), false))
                        .get(5, TimeUnit.SECONDS);
                sent++;
                try {
                    exchange.status.get(200, TimeUnit.MILLISECONDS);
                } catch (java.util.concurrent.TimeoutException notYet) {
                    // the next byte
                }
            }
            assertThat(exchange.status.get(Await.DEFAULT.toMillis(), TimeUnit.MILLISECONDS))
                    .isEqualTo(408);
            assertThat(sent).as("long before the client was done").isLessThan(30);
        } finally {
            client.stop();
        }
    }

    @Test
    void anHttp2ConnectionThatNeverFinishesItsHeaderBlockIsClosed() throws Exception {
        app = Spout.create(options -> options.requestHeadTimeout(Duration.ofMillis(500)));
        app.get("/page", request -> HttpResponse.text("page"));
        app.start("127.0.0.1", 0);

        var first = new ByteArrayOutputStream();
        first.writeBytes(PREFACE);
        first.writeBytes(frame(0x4, 0, 0, new byte[0])); // SETTINGS
        first.writeBytes(frame(0x1, 0, 1, new byte[] {(byte) 0x82})); // HEADERS, :method GET, no END_HEADERS
        // One CONTINUATION (:scheme http) every 200 ms, none with END_HEADERS, each far within any idle timeout.
        var trickled = trickle(first.toByteArray(), sent -> frame(0x9, 0, 1, new byte[] {(byte) 0x86}));
        assertThat(trickled.sent()).as("long before the client was done").isLessThan(30);
    }

    @Test
    void anHttp2ConnectionWithAStreamOpenIsKeptWhateverTheDeadline() throws Exception {
        app = Spout.create(options -> options.requestHeadTimeout(Duration.ofMillis(300)));
        var news = app.topic("news");
        app.sse("/news", news);
        app.start("127.0.0.1", 0);
        var h2 = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_2)
                .build();
        try (var stream = dev.spout.testkit.SseTestClient.open(h2, app.uri("/news"), java.util.Map.of())) {
            Await.value("subscribers", news::subscribers, 1);
            for (int i = 0; i < 5; i++) { // 1.5 s: five deadlines
                news.publish("tick " + i);
                assertThat(stream.next(Await.DEFAULT).data()).isEqualTo("tick " + i);
                Thread.sleep(300);
            }
            assertThat(stream.response().version()).isEqualTo(java.net.http.HttpClient.Version.HTTP_2);
        } finally {
            h2.close();
        }
    }

    /** An HTTP/2 frame: a 9-byte header (length, type, flags, stream) and its payload. */
    static byte[] frame(int type, int flags, int stream, byte[] payload) {
        var frame = new ByteArrayOutputStream();
        frame.write(payload.length >>> 16);
        frame.write(payload.length >>> 8);
        frame.write(payload.length);
        frame.write(type);
        frame.write(flags);
        frame.write(stream >>> 24);
        frame.write(stream >>> 16);
        frame.write(stream >>> 8);
        frame.write(stream);
        frame.writeBytes(payload);
        return frame.toByteArray();
    }

    @Test
    void pastTheConnectionLimitANewConnectionWaitsForAPlace() throws Exception {
        app = Spout.create(options -> options.maxConnections(3));
        app.get("/page", request -> HttpResponse.text("page"));
        app.start("127.0.0.1", 0);

        List<Socket> held = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                var socket = new Socket("127.0.0.1", app.port());
                socket.setSoTimeout((int) Await.DEFAULT.toMillis());
                held.add(socket);
                assertThat(ask(socket)).as("connection %d", i).startsWith("HTTP/1.1 200 ");
            }
            try (var fourth = new Socket("127.0.0.1", app.port())) { // the kernel's accept queue takes it
                fourth.setSoTimeout(1000);
                fourth.getOutputStream().write(request());
                assertThat(readSome(fourth.getInputStream()))
                        .as("not served while three are open")
                        .isEmpty();
                held.removeFirst().close();
                fourth.setSoTimeout((int) Await.DEFAULT.toMillis());
                assertThat(readSome(fourth.getInputStream()))
                        .as("served once one closes")
                        .startsWith("HTTP/1.1 200 ");
            }
        } finally {
            for (Socket socket : held) {
                socket.close();
            }
        }
    }

    private static byte[] request() {
        return "GET /page HTTP/1.1\r\nHost: test\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    }

    private static String ask(Socket socket) throws IOException {
        socket.getOutputStream().write(request());
        return readSome(socket.getInputStream());
    }

    /** What arrives before the socket's read timeout: at least a response head, or nothing. */
    private static String readSome(InputStream in) throws IOException {
        var head = new StringBuilder();
        try {
            while (!head.toString().endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                head.append((char) b);
            }
        } catch (SocketTimeoutException nothingYet) {
            // what came so far
        }
        return head.toString();
    }
}
