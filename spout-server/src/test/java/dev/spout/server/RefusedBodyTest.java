package dev.spout.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spout.server.http.HttpResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.http.MetaData;
import org.eclipse.jetty.http2.api.Session;
import org.eclipse.jetty.http2.api.Stream;
import org.eclipse.jetty.http2.client.HTTP2Client;
import org.eclipse.jetty.http2.frames.DataFrame;
import org.eclipse.jetty.http2.frames.HeadersFrame;
import org.eclipse.jetty.http2.frames.PingFrame;
import org.eclipse.jetty.http2.frames.ResetFrame;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A request answered before its body is read (a 405, a 404) gets its answer and then the rest of its body is read,
 * so an HTTP/2 stream ends without a reset and an HTTP/1.1 connection stays open. The client holds the second half
 * of its body until it has the whole answer: that is the case where a server that gives up on the body resets.
 */
class RefusedBodyTest {
    static final long WAIT = 10;

    final Spout app = Spout.create();
    final HTTP2Client h2 = new HTTP2Client();

    @BeforeEach
    void start() throws Exception {
        app.page("/page", page -> dev.spout.html.Html.text("a page")); // GET only: Jetty's error answer
        app.get("/plain", request -> HttpResponse.text("plain")); // GET only: Spout's plain answer
        app.start("127.0.0.1", 0);
        h2.start();
    }

    @AfterEach
    void stop() throws Exception {
        h2.stop();
        app.close();
    }

    @ParameterizedTest
    @CsvSource({"/page, 405", "/plain, 405", "/nowhere, 404"})
    void anHttp2StreamIsAnsweredThenEndsWithoutAReset(String path, int status) throws Exception {
        var pong = new CompletableFuture<PingFrame>();
        Session session = h2.connect(new InetSocketAddress("127.0.0.1", app.port()), new Session.Listener() {
                    @Override
                    public void onPing(Session session, PingFrame frame) {
                        pong.complete(frame);
                    }
                })
                .get(WAIT, TimeUnit.SECONDS);
        var exchange = new Exchange();
        var request = new MetaData.Request(
                "POST",
                HttpURI.from("http://127.0.0.1:" + app.port() + path),
                HttpVersion.HTTP_2,
                HttpFields.build().put("Content-Type", "text/plain"),
                10);
        Stream stream = session.newStream(new HeadersFrame(request, null, false), exchange)
                .get(WAIT, TimeUnit.SECONDS);
        stream.data(new DataFrame(stream.getId(), ascii("01234"), false)).get(WAIT, TimeUnit.SECONDS);

        assertThat(exchange.status.get(WAIT, TimeUnit.SECONDS)).isEqualTo(status);
        exchange.answered.get(WAIT, TimeUnit.SECONDS);
        // A server giving up on the body resets the stream as its answer completes, before it reads this ping.
        session.ping(new PingFrame(7, false), Callback.NOOP);
        assertThat(pong.get(WAIT, TimeUnit.SECONDS).isReply()).isTrue();
        assertThat(exchange.reset).as("reset while the body was still coming").isNotDone();

        stream.data(new DataFrame(stream.getId(), ascii("56789"), true)).get(WAIT, TimeUnit.SECONDS);
        exchange.closed.get(WAIT, TimeUnit.SECONDS);
        assertThat(exchange.reset).isNotDone();

        var next = new Exchange();
        var get = new MetaData.Request(
                "GET", HttpURI.from("http://127.0.0.1:" + app.port() + "/plain"), HttpVersion.HTTP_2, HttpFields.EMPTY);
        session.newStream(new HeadersFrame(get, null, true), next).get(WAIT, TimeUnit.SECONDS);
        assertThat(next.status.get(WAIT, TimeUnit.SECONDS)).isEqualTo(200);
        assertThat(next.answered.get(WAIT, TimeUnit.SECONDS)).isEqualTo("plain");
        assertThat(exchange.reset).isNotDone();
    }

    @ParameterizedTest
    @CsvSource({"/page, 405", "/plain, 405", "/nowhere, 404"})
    void anHttp11ConnectionIsAnsweredThenKeptForTheNextRequest(String path, int status) throws Exception {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", app.port()));
            socket.setSoTimeout((int) TimeUnit.SECONDS.toMillis(WAIT));
            var out = socket.getOutputStream();
            out.write(ascii("POST " + path
                            + " HTTP/1.1\r\nHost: test\r\nContent-Type: text/plain\r\nContent-Length: 10\r\n\r\n01234")
                    .array());
            out.flush();
            String refusal = readResponse(socket.getInputStream());
            assertThat(refusal).startsWith("HTTP/1.1 " + status + " ");
            assertThat(refusal.toLowerCase()).doesNotContain("connection: close");

            out.write(ascii("56789GET /plain HTTP/1.1\r\nHost: test\r\n\r\n").array());
            out.flush();
            String next = readResponse(socket.getInputStream());
            assertThat(next).startsWith("HTTP/1.1 200 ").endsWith("\r\n\r\nplain");
        }
    }

    /** One HTTP/2 exchange as this client sees it: the status, the whole answer, a reset, the stream's close. */
    static final class Exchange implements Stream.Listener {
        final CompletableFuture<Integer> status = new CompletableFuture<>();
        final CompletableFuture<String> answered = new CompletableFuture<>();
        final CompletableFuture<ResetFrame> reset = new CompletableFuture<>();
        final CompletableFuture<Void> closed = new CompletableFuture<>();
        private final ByteArrayOutputStream body = new ByteArrayOutputStream();

        @Override
        public void onHeaders(Stream stream, HeadersFrame frame) {
            if (frame.getMetaData() instanceof MetaData.Response response) {
                status.complete(response.getStatus());
            }
            if (frame.isEndStream()) {
                answered.complete("");
            } else {
                stream.demand();
            }
        }

        @Override
        public void onDataAvailable(Stream stream) {
            while (true) {
                Stream.Data data = stream.readData();
                if (data == null) {
                    stream.demand();
                    return;
                }
                ByteBuffer bytes = data.frame().getByteBuffer();
                byte[] copy = new byte[bytes.remaining()];
                bytes.get(copy);
                body.writeBytes(copy);
                boolean end = data.frame().isEndStream();
                data.release();
                if (end) {
                    answered.complete(body.toString(StandardCharsets.UTF_8));
                    return;
                }
            }
        }

        @Override
        public void onReset(Stream stream, ResetFrame frame, Callback callback) {
            reset.complete(frame);
            callback.succeeded();
        }

        @Override
        public void onClosed(Stream stream) {
            closed.complete(null);
        }
    }

    /** One HTTP/1.1 response with a Content-Length body: its head and body as text. */
    static String readResponse(InputStream in) throws IOException {
        var head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("The connection closed after: " + head);
            }
            head.append((char) b);
        }
        int length = 0;
        for (String line : head.toString().split("\r\n")) {
            if (line.toLowerCase().startsWith("content-length:")) {
                length = Integer.parseInt(
                        line.substring("content-length:".length()).trim());
            }
        }
        return head + new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    static ByteBuffer ascii(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII));
    }
}
