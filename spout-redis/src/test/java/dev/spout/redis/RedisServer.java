package dev.spout.redis;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code redis-server} for tests, on its own port and data directory, with the append-only file on so a
 * restart keeps the streams. Skips the test when Redis is not installed, unless the build requires it
 * ({@code -Dspout.requireRedis=true}, set in CI).
 */
public final class RedisServer implements AutoCloseable {
    static final String BINARY = "/usr/bin/redis-server";

    private final int port;
    private final Path dir;
    private Process process;

    private RedisServer(int port, Path dir) {
        this.port = port;
        this.dir = dir;
    }

    public static RedisServer start() throws Exception {
        boolean present = new File(BINARY).canExecute();
        if (!present && Boolean.getBoolean("spout.requireRedis")) {
            throw new IllegalStateException("Redis tests need " + BINARY + ": apt-get install -y redis-server");
        }
        assumeTrue(present, "redis-server is not installed: Redis test skipped");
        int port;
        try (var probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        var server = new RedisServer(port, Files.createTempDirectory("spout-redis-"));
        server.startProcess();
        return server;
    }

    public String uri() {
        return "redis://127.0.0.1:" + port;
    }

    int port() {
        return port;
    }

    /** Stops Redis as an operator would (SIGTERM: it writes its data and exits). */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    /** Starts Redis again on the same port and data. */
    void restart() throws Exception {
        startProcess();
    }

    private void startProcess() throws Exception {
        process = new ProcessBuilder(List.of(
                        BINARY,
                        "--port",
                        Integer.toString(port),
                        "--bind",
                        "127.0.0.1",
                        "--dir",
                        dir.toString(),
                        "--appendonly",
                        "yes",
                        "--appendfsync",
                        "always",
                        "--save",
                        "",
                        "--daemonize",
                        "no",
                        "--protected-mode",
                        "no",
                        "--logfile",
                        dir.resolve("redis.log").toString()))
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("stdout.log").toFile())
                .start();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (ping()) {
                return;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("redis-server exited: " + Files.readString(dir.resolve("redis.log")));
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("redis-server did not answer PING within 10 s on port " + port);
    }

    private boolean ping() {
        try (var socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(1000);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            byte[] reply = in.readNBytes(7);
            return new String(reply, StandardCharsets.US_ASCII).startsWith("+PONG");
        } catch (IOException notYet) {
            return false;
        }
    }

    @Override
    public void close() throws Exception {
        if (process != null && process.isAlive()) {
            process.destroyForcibly().waitFor();
        }
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }
}
