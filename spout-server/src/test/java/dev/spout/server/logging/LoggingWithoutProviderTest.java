package dev.spout.server.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With no SLF4J provider on the class path SLF4J discards every message; Spout must still show a handler's failure.
 * Runs a real application in a child JVM on this test's class path minus every SLF4J provider.
 */
class LoggingWithoutProviderTest {

    @Test
    void aFailingHandlersExceptionReachesTheConsoleWithoutAnySlf4jProvider(@TempDir Path dir) throws Exception {
        String classPath = Arrays.stream(testClassPath().split(File.pathSeparator))
                .filter(entry -> !entry.contains("logback") && !entry.contains("slf4j-simple"))
                .collect(Collectors.joining(File.pathSeparator));
        assertThat(classPath).contains("slf4j-api");
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process child = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        classPath,
                        FailingHandlerApp.class.getName())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        boolean ended = child.waitFor(60, TimeUnit.SECONDS);
        if (!ended) {
            child.destroyForcibly();
        }
        String stdout = Files.readString(out, StandardCharsets.UTF_8);
        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        assertThat(ended).as("the child JVM ends; stderr: %s", stderr).isTrue();
        assertThat(child.exitValue()).as("stderr: %s", stderr).isZero();
        assertThat(stdout).contains("status 200").contains("data: before the failure");
        assertThat(stderr)
                .as("SLF4J's own warning, then Spout's note and the failure with its stack trace")
                .contains("No SLF4J providers were found")
                .contains("Spout logs through java.util.logging")
                .contains("IllegalStateException: the handler's own failure, marker 7f3a")
                .contains("at " + FailingHandlerApp.class.getName());
    }

    private static String testClassPath() {
        // Surefire hands the forked JVM a manifest-only jar as java.class.path; the real one is in this property.
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null ? surefire : System.getProperty("java.class.path");
    }

    @Test
    void theTestSeesTheProviderItRemoves() {
        List<String> entries = Arrays.asList(testClassPath().split(File.pathSeparator));
        assertThat(entries).anyMatch(entry -> entry.contains("logback-classic"));
    }
}
