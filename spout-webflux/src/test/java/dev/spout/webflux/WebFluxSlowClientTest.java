package dev.spout.webflux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

import dev.spout.engine.topic.Topic;
import dev.spout.testkit.Await;
import dev.spout.testkit.SseTestClient;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A client that stops reading stops WebFlux asking for its events; the engine then holds them in the topic's history
 * and cuts the client off at the slow-client bound, while the clients that read get everything.
 */
class WebFluxSlowClientTest extends OnFluxServer {
    static final String KILOBYTE = "k".repeat(1000);

    @Test
    void aStalledClientIsCutOffAtItsBoundWhileTheOthersGetEverything() throws Exception {
        spout = WebFluxSpout.create(options -> options.maxQueuedBytes(256 * 1024));
        Topic feed = spout.topic("feed", t -> t.history(20_000, Duration.ofMinutes(1)));
        server = FluxServer.start(route().GET("/feed", spout.handler(feed)).build());

        try (var stalled = stalledClient(server.port(), "/feed");
                var reader1 = SseTestClient.open(server.uri("/feed"));
                var reader2 = SseTestClient.open(server.uri("/feed"))) {
            Await.value("subscribers", feed::subscribers, 3);
            int events = 10_000; // 10 MB: far more than the bound and every buffer on the way
            for (int i = 1; i <= events; i++) {
                feed.publish(i + " " + KILOBYTE);
                if (i % 50 == 0) { // the readers keep up: they get everything, in order
                    assertThat(reader1.next(50, WAIT).getLast().data()).startsWith(i + " ");
                    assertThat(reader2.next(50, WAIT).getLast().data()).startsWith(i + " ");
                }
            }
            assertThat(spout.stats().slowClientDisconnects()).isEqualTo(1);
            assertThat(feed.subscribers())
                    .as("the stalled client has left the topic")
                    .isEqualTo(2);
            assertThat(closedByServer(stalled)).as("its connection is closed").isTrue();
        }
        assertThat(feed.stats().delivered()).isGreaterThanOrEqualTo(2 * 10_000L);
    }

    /** A client with a small receive window that sends its request and reads nothing more. */
    private static Socket stalledClient(int port, String path) throws IOException {
        var socket = new Socket();
        socket.setReceiveBufferSize(4096);
        socket.connect(new InetSocketAddress("127.0.0.1", port));
        socket.getOutputStream()
                .write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
        return socket;
    }

    /** Reads what is left until the server closes the connection; true if it does within the wait. */
    private static boolean closedByServer(Socket socket) throws IOException {
        socket.setSoTimeout((int) WAIT.toMillis());
        byte[] buffer = new byte[64 * 1024];
        InputStream in = socket.getInputStream();
        try {
            while (in.read(buffer) >= 0) {
                // drain: the server closes after the bytes that were on their way
            }
            return true;
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (SocketException reset) {
            return true;
        }
    }
}
