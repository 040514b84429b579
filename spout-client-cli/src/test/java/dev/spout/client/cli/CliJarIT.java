package dev.spout.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spout.engine.topic.Topic;
import dev.spout.server.Spout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The packaged tool, run as its contract says: java -jar spout-client/target/spout-client.jar [options] URL. */
class CliJarIT {
    static final Path JAR = Path.of("..", "spout-client", "target", "spout-client.jar"); // the documented path

    record Run(int exit, String stdout, String stderr) {}

    static Run run(List<String> args) throws Exception {
        assertThat(Files.exists(JAR)).as(JAR + " (built by mvn package)").isTrue();
        var command = new java.util.ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
        command.addAll(args);
        Process process = new ProcessBuilder(command).start();
        byte[][] out = new byte[2][];
        Thread reader = Thread.ofVirtual().start(() -> {
            try {
                out[0] = process.getInputStream().readAllBytes();
                out[1] = process.getErrorStream().readAllBytes();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("the tool exits").isTrue();
        reader.join();
        return new Run(
                process.exitValue(),
                new String(out[0], StandardCharsets.UTF_8),
                new String(out[1], StandardCharsets.UTF_8));
    }

    @Test
    void printsJsonEventsAndExitsZeroAfterMaxEvents() throws Exception {
        try (var app = Spout.create()) {
            Topic topic = app.topic("t", t -> t.initialReplay(2));
            app.sse("/t", topic);
            app.start("127.0.0.1", 0);
            String first = topic.publish("one");
            String second = topic.publish("two \"2\"");

            Run run = run(List.of("--json", "--max-events", "2", app.uri("/t").toString()));

            assertThat(run.exit()).isZero();
            assertThat(run.stdout())
                    .isEqualTo("{\"type\":\"message\",\"data\":\"one\",\"lastEventId\":\"" + first + "\"}\n"
                            + "{\"type\":\"message\",\"data\":\"two \\\"2\\\"\",\"lastEventId\":\"" + second + "\"}\n");
        }
    }

    @Test
    void aStreamThatCannotOpenExitsNonZeroWithTheReason() throws Exception {
        try (var app = Spout.create()) {
            app.page("/page", page -> dev.spout.html.Html.text("not a stream"));
            app.start("127.0.0.1", 0);

            Run run = run(List.of("--json", app.uri("/page").toString()));

            assertThat(run.exit()).isNotZero();
            assertThat(run.stdout()).isEmpty();
            assertThat(run.stderr()).contains("text/event-stream");
        }
    }
}
