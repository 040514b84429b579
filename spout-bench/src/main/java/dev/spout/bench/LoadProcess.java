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
    private volatile long connectedNanos;
    /** The generator's window is over; with {@code --hold} its streams are still open. */
    final CompletableFuture<Void> measured = new CompletableFuture<>();

    private volatile long measuredNanos;
    private volatile String negotiated;

    LoadProcess(List<String> command) throws Exception {
        process = new ProcessBuilder(command).start();
        Thread.ofPlatform().daemon().start(() -> {
            try (var err =
                    new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                for (String line = err.readLine(); line != null; line = err.readLine()) {
                    if (line.equals("measured")) {
                        measuredNanos = System.nanoTime();
                        measured.complete(null);
                    } else if (line.startsWith("negotiated ")) {
                        negotiated = line.substring("negotiated ".length()).trim();
                    } else if (line.startsWith("connected ")) {
                        connectedNanos = System.nanoTime();
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
                measured.complete(null);
            }
        });
    }

    /** When it said it had opened its streams ({@link System#nanoTime()}): its warm-up, then its window, begin. */
    long connectedNanos() {
        return connectedNanos;
    }

    /**
     * What its TLS handshakes agreed ({@code TLSv1.3 TLS_AES_128_GCM_SHA256}), said before its window's end (waited
     * for, up to 10 s); null in cleartext.
     */
    String negotiated() throws InterruptedException {
        try {
            measured.get(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException notSaid) {
            return negotiated;
        }
        return negotiated;
    }

    /** When its window ended ({@link System#nanoTime()}). */
    long measuredNanos() {
        return measuredNanos;
    }

    /** What the generator printed besides its result and its "connected" line (why connections failed, say). */
    String stderr() {
        synchronized (stderr) {
            return stderr.toString();
        }
    }

    /** Ends the generator if it still runs: after a failure, so that none is left behind. */
    void stop() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    /**
     * The result line's numbers, once its window is over: the first line of JSON the generator prints (one that
     * holds its streams with {@code --hold} is still running then: {@link #stop} ends it).
     */
    Map<String, Double> result(long timeoutSeconds) throws Exception {
        var line = CompletableFuture.supplyAsync(() -> {
            try (var out =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                StringBuilder seen = new StringBuilder();
                for (String next = out.readLine(); next != null; next = out.readLine()) {
                    if (next.startsWith("{")) {
                        return next;
                    }
                    seen.append(next).append('\n');
                }
                return seen.toString(); // no result: what it printed, for the error below
            } catch (java.io.IOException failed) {
                throw new java.io.UncheckedIOException(failed);
            }
        });
        String out;
        try {
            out = line.get(timeoutSeconds, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException late) {
            process.destroyForcibly();
            throw new IllegalStateException("The load generator gave no result within " + timeoutSeconds + " s", late);
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
