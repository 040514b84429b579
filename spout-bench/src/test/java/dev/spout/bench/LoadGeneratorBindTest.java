package dev.spout.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spout.bench.common.Args;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The load generator's source addresses, which let several generators (each its own process, under its own file
 * limit) open streams to one server and be told apart: each connection bound to the next of {@code --bind}'s
 * addresses, and each generator following its own block of topics ({@code --topic-offset}).
 */
class LoadGeneratorBindTest {
    private final List<String> seen = new CopyOnWriteArrayList<>(); // "<remote address> <request line>"
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();
    private ServerSocket server;

    @AfterEach
    void close() throws IOException {
        for (Socket socket : accepted) {
            socket.close();
        }
        if (server != null) { // the tests of the options start none
            server.close();
        }
    }

    /** A stand-in for a stream server: answers each request with an event stream's headers, records who asked. */
    private URI serve() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofPlatform().daemon().start(() -> {
            while (!server.isClosed()) {
                try {
                    Socket socket = server.accept();
                    accepted.add(socket);
                    var in = new BufferedReader(
                            new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
                    seen.add(socket.getInetAddress().getHostAddress() + " " + in.readLine());
                    socket.getOutputStream()
                            .write("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n\r\n"
                                    .getBytes(StandardCharsets.US_ASCII));
                } catch (IOException closed) {
                    return; // the test is over: the server socket was closed
                }
            }
        });
        return URI.create("http://127.0.0.1:" + server.getLocalPort() + "/sse");
    }

    @Test
    void connectionsAreBoundToTheGivenAddressesInTurnAndFollowTheirBlockOfTopics() throws Exception {
        URI url = serve();
        var sources = LoadOptions.sources(Args.options(new String[] {"--bind", "127.0.0.2,127.0.0.3"}));
        var generator = new LoadGenerator(List.of(url), 4, 1, sources, 10, 7);

        var result = generator.run(Duration.ZERO, Duration.ofMillis(200), Duration.ofSeconds(20));

        assertThat(result.connected()).isEqualTo(4);
        assertThat(seen)
                .as("two from each address; topics 7, 8, 9 and, wrapping around the ten, 0")
                .containsExactlyInAnyOrder(
                        "127.0.0.2 GET /sse?topic=t7 HTTP/1.1",
                        "127.0.0.3 GET /sse?topic=t8 HTTP/1.1",
                        "127.0.0.2 GET /sse?topic=t9 HTTP/1.1",
                        "127.0.0.3 GET /sse?topic=t0 HTTP/1.1");
    }

    @Test
    void sourcesIsAShorthandForTheFirstLoopbackAddressesAndOneMeansUnbound() throws Exception {
        assertThat(LoadOptions.sources(Args.options(new String[] {"--sources", "3"})))
                .extracting(InetAddress::getHostAddress)
                .containsExactly("127.0.0.1", "127.0.0.2", "127.0.0.3");
        assertThat(LoadOptions.sources(Args.options(new String[0]))).isEmpty();
    }

    @Test
    void addressesMustBeLiteralAndGivenOneWay() {
        assertThatThrownBy(() -> LoadOptions.sources(Args.options(new String[] {"--bind", "localhost"})))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--bind takes IP addresses");
        assertThatThrownBy(
                        () -> LoadOptions.sources(Args.options(new String[] {"--bind", "127.0.0.2", "--sources", "2"})))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not both");
        assertThatThrownBy(() -> new LoadGenerator(List.of(), 1, 1, new ArrayList<>(), 1, -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--topic-offset");
    }
}
