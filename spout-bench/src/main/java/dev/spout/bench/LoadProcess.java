package dev.spout.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A load generator in its own process (it needs its own file limit): its "connected" moment and its result. */
final class LoadProcess {
    private static final Pattern NUMBER = Pattern.compile("\"(\\w+)\":([0-9.]+)");

    private final Process process;
    final CompletableFuture<Integer> connected = new CompletableFuture<>();
    private final StringBuilder stderr = new StringBuilder();

    LoadProcess(List<String> command) throws Exception {
        process = new ProcessBuilder(command).start();
        Thread.ofPlatform().daemon().start(() -> {
            try (var err =
                    new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                for (String line = err.readLine(); line != null; line = err.readLine()) {
                    if (line.startsWith("connected ")) {
                        connected.complete(Integer.parseInt(
                                line.substring("connected ".length()).trim()));
                    } else {
                        synchronized (stderr) {
                            stderr.append(line).append('\n');
                        }
                    }
                }
            } catch (Exception ignored) {
                // the process ended
            } finally {
                connected.complete(-1);
            }
        });
    }

    /** The result line's numbers, once the run is over. */
    Map<String, Double> result(long timeoutSeconds) throws Exception {
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("The load generator did not finish");
        }
        Map<String, Double> result = new TreeMap<>();
        Matcher m = NUMBER.matcher(out);
        while (m.find()) {
            result.put(m.group(1), Double.parseDouble(m.group(2)));
        }
        if (result.isEmpty()) {
            synchronized (stderr) {
                throw new IllegalStateException("The load generator gave no result: " + out + stderr);
            }
        }
        return result;
    }
}
