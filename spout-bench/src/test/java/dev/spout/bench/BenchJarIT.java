package dev.spout.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spout.testkit.SseTestClient;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The packaged bench server, driven as outside checks drive it: its documented command line and HTTP contract. */
class BenchJarIT {
    static final Path JAR = Path.of("target", "spout-bench.jar");

    private static Process start(String... args) throws Exception {
        assertThat(Files.exists(JAR)).as(JAR + " (built by mvn package)").isTrue();
        var command = new java.util.ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    private static int freePort() throws Exception {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Test
    void theServerCommandServesItsContractAndStopsOnSigterm() throws Exception {
        int port = freePort();
        Process server = start("server", "--port", Integer.toString(port), "--rate", "5", "--size", "100");
        try {
            var output = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
            String ready = CompletableFuture.supplyAsync(() -> {
                        try {
                            String line;
                            while ((line = output.readLine()) != null) {
                                if (line.equals("ready")) {
                                    return line;
                                }
                            }
                            return "ended before ready";
                        } catch (java.io.IOException e) {
                            return e.toString();
                        }
                    })
                    .get(60, TimeUnit.SECONDS);
            assertThat(ready).isEqualTo("ready");
            URI base = URI.create("http://127.0.0.1:" + port);
            try (var stream = SseTestClient.open(base.resolve("/sse"))) {
                assertThat(stream.status()).isEqualTo(200);
                assertThat(stream.next(Duration.ofSeconds(10)).data()).hasSize(100);
            }
            try (var client = HttpClient.newHttpClient()) {
                var published = client.send(
                        HttpRequest.newBuilder(base.resolve("/publish"))
                                .POST(HttpRequest.BodyPublishers.ofString("from outside"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(published.statusCode()).isEqualTo(200);
                assertThat(published.body()).matches("\\d+");
            }
            server.destroy(); // SIGTERM
            assertThat(server.waitFor(20, TimeUnit.SECONDS))
                    .as("stops on SIGTERM")
                    .isTrue();
        } finally {
            server.destroyForcibly();
        }
    }

    /** {@code --hub}: the Mercure hub, its updates posted by the built-in publisher over HTTP. */
    @Test
    void theHubModeStreamsThePublishersUpdatesOnTheHubsPath() throws Exception {
        int port = freePort();
        Process server = start("server", "--hub", "--port", Integer.toString(port), "--rate", "5", "--size", "100");
        try {
            var output = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
            assertThat(CompletableFuture.supplyAsync(() -> output.lines().anyMatch("ready"::equals))
                            .get(60, TimeUnit.SECONDS))
                    .isTrue();
            URI stream = URI.create("http://127.0.0.1:" + port + "/.well-known/mercure?match=t0");
            try (var client = SseTestClient.open(stream)) {
                assertThat(client.status()).isEqualTo(200);
                assertThat(client.next(Duration.ofSeconds(10)).data()).hasSize(100);
            }
        } finally {
            server.destroyForcibly();
        }
    }

    @Test
    void serverHelpAnswersWithoutListening() throws Exception {
        Process help = start("server", "--help");
        assertThat(help.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(help.exitValue()).isZero();
        assertThat(new String(help.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .contains("Usage: spout-bench server", "--port", "--rate", "--size", "--topics", "--redis");
    }
}
