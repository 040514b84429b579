package dev.spout.hub;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spout.testkit.SseTestClient;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The hub's command as outside checks run it: {@code MERCURE_PUBLISHER_JWT_KEY=K MERCURE_SUBSCRIBER_JWT_KEY=K java
 * -jar spout-hub/target/spout-hub.jar --port P [--anonymous]}, a line with {@code ready} once it listens on
 * 127.0.0.1:P, a publish and a subscription over it; and its refusals to start, one line each.
 */
class HubJarIT {
    static final Path JAR = Path.of("target", "spout-hub.jar");

    static Process hub(Map<String, String> environment, String... args) throws Exception {
        assertThat(Files.exists(JAR)).as(JAR + " (built by mvn package)").isTrue();
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        var builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("MERCURE_PUBLISHER_JWT_KEY");
        builder.environment().remove("MERCURE_SUBSCRIBER_JWT_KEY");
        builder.environment().putAll(environment);
        return builder.start();
    }

    static int freePort() throws Exception {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void theHubStartsSaysReadyAndServesPublishersAndSubscribers() throws Exception {
        int port = freePort();
        Process process = hub(
                Map.of(
                        "MERCURE_PUBLISHER_JWT_KEY",
                        Tokens.PUBLISHER_KEY,
                        "MERCURE_SUBSCRIBER_JWT_KEY",
                        Tokens.SUBSCRIBER_KEY),
                "--port",
                Integer.toString(port),
                "--anonymous");
        List<String> lines = new ArrayList<>();
        try {
            var output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            Boolean ready = CompletableFuture.supplyAsync(() -> {
                        try {
                            for (String line; (line = output.readLine()) != null; ) {
                                synchronized (lines) {
                                    lines.add(line);
                                }
                                if (line.contains("ready")) {
                                    return true;
                                }
                            }
                            return false;
                        } catch (java.io.IOException e) {
                            return false;
                        }
                    })
                    .get(60, TimeUnit.SECONDS);
            assertThat(ready).as("a line with ready: %s", lines).isTrue();
            URI hub = URI.create("http://127.0.0.1:" + port + MercureHub.PATH);
            try (var reader = SseTestClient.open(
                            URI.create(hub + "?topic=https%3A%2F%2Fexample.com%2Fbooks%2F%7Bid%7D"));
                    var http = HttpClient.newHttpClient()) {
                assertThat(reader.status()).isEqualTo(200);
                var published = http.send(
                        HttpRequest.newBuilder(hub)
                                .header(
                                        "Authorization",
                                        "Bearer " + Tokens.legacy(Tokens.PUBLISHER_KEY, List.of("*"), List.of()))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "topic=https://example.com/books/1&data=Dune"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(published.statusCode()).isEqualTo(200);
                var event = reader.next(Duration.ofSeconds(10));
                assertThat(event.data()).isEqualTo("Dune");
                assertThat(event.lastEventId()).isEqualTo(published.body());
            }
            try (var http = HttpClient.newHttpClient()) {
                String base = "http://127.0.0.1:" + port;
                var health = http.send(
                        HttpRequest.newBuilder(URI.create(base + "/healthz")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(health.statusCode()).isEqualTo(200);
                assertThat(health.body()).contains("\"status\":\"UP\"");
                var metrics = http.send(
                        HttpRequest.newBuilder(URI.create(base + "/metrics")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(metrics.body()).contains("spout_");
                var page = http.send(
                        HttpRequest.newBuilder(URI.create(base + "/")).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(page.body()).contains("<form id=\"subscribe\"").contains("EventSource");
            }
            synchronized (lines) {
                assertThat(lines).noneMatch(line -> line.contains(" DEBUG "));
            }
        } finally {
            process.destroy();
            process.waitFor(20, TimeUnit.SECONDS);
            process.destroyForcibly();
        }
    }

    @Test
    void withoutItsKeysTheHubSaysWhichIsMissingAndExits2() throws Exception {
        Process noKeys = hub(Map.of(), "--port", Integer.toString(freePort()));
        assertThat(noKeys.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String said = new String(noKeys.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(noKeys.exitValue()).as(said).isEqualTo(2);
        assertThat(said).contains("MERCURE_PUBLISHER_JWT_KEY").doesNotContain("Exception");

        Process noSubscribers = hub(Map.of("MERCURE_PUBLISHER_JWT_KEY", Tokens.PUBLISHER_KEY), "--port", "0");
        assertThat(noSubscribers.waitFor(60, TimeUnit.SECONDS)).isTrue();
        said = new String(noSubscribers.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(noSubscribers.exitValue()).as(said).isEqualTo(2);
        assertThat(said).contains("MERCURE_SUBSCRIBER_JWT_KEY").contains("--anonymous");
    }
}
