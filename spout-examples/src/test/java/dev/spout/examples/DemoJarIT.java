package dev.spout.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The README's demo command, run as a newcomer runs it: the packaged jar starts, says where it listens, serves the
 * index, and its console carries no DEBUG flood (its logback configuration keeps Jetty at WARN).
 */
class DemoJarIT {
    static final Path JAR = Path.of("target", "spout-demo.jar");

    @Test
    void theDemoJarStartsSaysWhereItListensAndKeepsItsConsoleQuiet() throws Exception {
        assertThat(Files.exists(JAR)).as(JAR + " (built by mvn package)").isTrue();
        Process demo = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-jar",
                        JAR.toString(),
                        "--host",
                        "127.0.0.1",
                        "--port",
                        "0")
                .redirectErrorStream(true)
                .start();
        List<String> lines = new ArrayList<>();
        try {
            var output = new BufferedReader(new InputStreamReader(demo.getInputStream(), StandardCharsets.UTF_8));
            String uri = CompletableFuture.supplyAsync(() -> {
                        try {
                            String line;
                            while ((line = output.readLine()) != null) {
                                synchronized (lines) {
                                    lines.add(line);
                                }
                                if (line.startsWith("Spout demo: ")) {
                                    return line.substring("Spout demo: ".length());
                                }
                            }
                            return null;
                        } catch (java.io.IOException e) {
                            return null;
                        }
                    })
                    .get(60, TimeUnit.SECONDS);
            assertThat(uri).as("the demo says where it is: %s", lines).startsWith("http://127.0.0.1:");
            try (var client = HttpClient.newHttpClient()) {
                var index = client.send(
                        HttpRequest.newBuilder(URI.create(uri)).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(index.statusCode()).isEqualTo(200);
                assertThat(index.body()).contains("Spout demo").contains("/assets/demo.css");
            }
            synchronized (lines) {
                assertThat(lines)
                        .anyMatch(line -> line.contains("Spout is listening on 127.0.0.1 only"))
                        .noneMatch(line -> line.contains(" DEBUG "))
                        .noneMatch(line -> line.contains("No SLF4J providers"));
            }
            demo.toHandle().destroy(); // SIGTERM, as Ctrl-C, keeping its output open: the demo says it stopped
            assertThat(demo.waitFor(20, TimeUnit.SECONDS)).isTrue();
            output.lines().forEach(line -> {
                synchronized (lines) {
                    lines.add(line);
                }
            });
            synchronized (lines) {
                assertThat(lines).anyMatch(line -> line.contains("Spout demo stopped"));
            }
        } finally {
            demo.destroy();
            demo.waitFor(20, TimeUnit.SECONDS);
            demo.destroyForcibly();
        }
    }

    /** A port another server holds is said in one line, with the option that changes it; the demo exits 1. */
    @Test
    void aPortInUseIsOneLineThatSaysWhatToDo() throws Exception {
        try (var taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            Process demo = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-jar",
                            JAR.toString(),
                            "--host",
                            "127.0.0.1",
                            "--port",
                            Integer.toString(taken.getLocalPort()))
                    .redirectErrorStream(true)
                    .start();
            try {
                assertThat(demo.waitFor(60, TimeUnit.SECONDS))
                        .as("the demo exits")
                        .isTrue();
                String output = new String(demo.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(demo.exitValue()).as(output).isEqualTo(1);
                assertThat(output)
                        .contains("spout-demo: port " + taken.getLocalPort()
                                + " is in use: choose another with --port N (or PORT=N)")
                        .doesNotContain("\tat ")
                        .doesNotContain("Exception");
            } finally {
                demo.destroyForcibly();
            }
        }
    }
}
