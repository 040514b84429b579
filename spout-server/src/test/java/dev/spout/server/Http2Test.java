package dev.spout.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spout.engine.topic.Topic;
import dev.spout.testkit.Await;
import dev.spout.testkit.SseTestClient;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.eclipse.jetty.server.Connector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Many streams multiplexed on one HTTP/2 connection, in cleartext (h2c) and over TLS (h2 by ALPN). */
class Http2Test {
    static final Duration WAIT = Duration.ofSeconds(10);
    static final int STREAMS = 200;

    Spout app;
    HttpClient http;

    @AfterEach
    void stop() {
        if (http != null) {
            http.close();
        }
        app.close();
    }

    @Test
    void manyStreamsShareOneCleartextConnection() throws Exception {
        app = Spout.create();
        Topic topic = app.topic("h2");
        app.page("/", page -> dev.spout.html.Html.text("hello")).sse("/h2", topic);
        app.start("127.0.0.1", 0);
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();

        assertMultiplexed(app.uri("/"), topic);
    }

    @Test
    void manyStreamsShareOneTlsConnectionNegotiatedByAlpn(@TempDir Path dir) throws Exception {
        Path keyStore = selfSignedKeyStore(dir);
        app = Spout.create(options -> options.tls(keyStore, "secret"));
        Topic topic = app.topic("h2");
        app.page("/", page -> dev.spout.html.Html.text("hello")).sse("/h2", topic);
        app.start("127.0.0.1", 0);
        http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_2)
                .sslContext(trusting(keyStore))
                .build();
        assertThat(app.uri().getScheme()).isEqualTo("https");

        assertMultiplexed(URI.create("https://localhost:" + app.port()), topic);
    }

    /**
     * A client that offers only {@code http/1.1} by ALPN (curl --http1.1, Python's urllib3, the bench's own NIO load
     * generator if it offered one) gets HTTP/1.1. ALPN compares protocol names exactly, and Jetty's HTTP/1.1
     * connection factory calls itself {@code HTTP/1.1}: offered that name, the server failed every such handshake.
     */
    @Test
    void aTlsClientOfferingOnlyHttp11ByAlpnGetsHttp11(@TempDir Path dir) throws Exception {
        Path keyStore = selfSignedKeyStore(dir);
        app = Spout.create(options -> options.tls(keyStore, "secret"));
        app.page("/", page -> dev.spout.html.Html.text("hello"));
        app.start("127.0.0.1", 0);
        var factory = trusting(keyStore).getSocketFactory();
        try (var socket = (javax.net.ssl.SSLSocket) factory.createSocket("127.0.0.1", app.port())) {
            socket.setSoTimeout(10_000);
            var parameters = socket.getSSLParameters();
            parameters.setApplicationProtocols(new String[] {"http/1.1"});
            socket.setSSLParameters(parameters);
            socket.getOutputStream()
                    .write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
                            .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(socket.getApplicationProtocol()).isEqualTo("http/1.1");
            assertThat(answer).startsWith("HTTP/1.1 200 ").contains("hello");
        }
    }

    @Test
    void aCancelledHttp2StreamIsNoticedAndItsNeighboursCarryOn() throws Exception {
        app = Spout.create();
        Topic topic = app.topic("h2");
        app.page("/", page -> dev.spout.html.Html.text("hello")).sse("/h2", topic);
        app.start("127.0.0.1", 0);
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
        URI base = app.uri("/");
        warmUp(base);

        try (var kept = SseTestClient.open(http, base.resolve("/h2"), Map.of());
                var cancelled = SseTestClient.open(http, base.resolve("/h2"), Map.of())) {
            awaitSubscribers(topic, 2);
            cancelled.close();
            awaitSubscribers(topic, 1);
            String id = topic.publish("still here");
            assertThat(kept.next(WAIT)).isEqualTo(new SseTestClient.Event("message", "still here", id));
            assertThat(connections()).isEqualTo(1);
        }
    }

    private void assertMultiplexed(URI base, Topic topic) throws Exception {
        warmUp(base);
        List<SseTestClient> clients = new ArrayList<>();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<SseTestClient>> opening = new ArrayList<>();
            for (int i = 0; i < STREAMS; i++) {
                opening.add(pool.submit(() -> SseTestClient.open(http, base.resolve("/h2"), Map.of())));
            }
            for (Future<SseTestClient> f : opening) {
                clients.add(f.get());
            }
        }
        try {
            for (SseTestClient client : clients) {
                assertThat(client.response().version()).isEqualTo(HttpClient.Version.HTTP_2);
            }
            awaitSubscribers(topic, STREAMS);
            assertThat(connections()).as("all streams on one connection").isEqualTo(1);
            String id = topic.publish("to everyone");
            for (SseTestClient client : clients) {
                assertThat(client.next(WAIT)).isEqualTo(new SseTestClient.Event("message", "to everyone", id));
            }
        } finally {
            clients.forEach(SseTestClient::close);
        }
    }

    /** One plain request first, so the client has its HTTP/2 connection before the streams open. */
    private void warmUp(URI base) throws Exception {
        HttpResponse<String> page =
                http.send(HttpRequest.newBuilder(base.resolve("/")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.version()).isEqualTo(HttpClient.Version.HTTP_2);
    }

    private int connections() {
        int count = 0;
        for (Connector connector : app.jetty().getConnectors()) {
            count += connector.getConnectedEndPoints().size();
        }
        return count;
    }

    private void awaitSubscribers(Topic topic, int count) {
        Await.value("subscribers of " + topic.name(), topic::subscribers, count);
    }

    static Path selfSignedKeyStore(Path dir) throws Exception {
        Path keyStore = dir.resolve("server.p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(
                        keytool.toString(),
                        "-genkeypair",
                        "-alias",
                        "spout",
                        "-keyalg",
                        "EC",
                        "-groupname",
                        "secp256r1",
                        "-dname",
                        "CN=localhost",
                        "-ext",
                        "SAN=dns:localhost,ip:127.0.0.1",
                        "-validity",
                        "2",
                        "-storetype",
                        "PKCS12",
                        "-keystore",
                        keyStore.toString(),
                        "-storepass",
                        "secret",
                        "-keypass",
                        "secret")
                .redirectErrorStream(true)
                .start();
        String output;
        try (InputStream out = process.getInputStream()) {
            output = new String(out.readAllBytes());
        }
        assertThat(process.waitFor()).as(output).isZero();
        assertThat(Files.exists(keyStore)).isTrue();
        return keyStore;
    }

    static SSLContext trusting(Path keyStore) throws Exception {
        var store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            store.load(in, "secret".toCharArray());
        }
        var trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        var context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}
