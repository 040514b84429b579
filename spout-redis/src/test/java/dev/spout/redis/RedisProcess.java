package dev.spout.redis;

import dev.spout.testkit.Await;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * One {@code redis-server} (or {@code redis-sentinel}) process for the tests that start several: a cluster's nodes, a
 * master with its replica, a Sentinel. It runs on its own loopback port and directory, logs to {@code redis.log}
 * there, and is started, stopped (SIGTERM), killed (SIGKILL: no last write, as a crash) and started again on the
 * same port and data. Every wait is bounded, on the condition itself.
 *
 * <pre>{@code
 * var replica = RedisProcess.start(dir, port, List.of("--replicaof", "127.0.0.1", Integer.toString(masterPort)));
 * replica.ask(redis -> redis.info("replication"));
 * replica.kill();
 * }</pre>
 */
final class RedisProcess implements AutoCloseable {
    static final Duration ANSWERING = Duration.ofSeconds(10);

    final int port;
    final Path dir;
    private final List<String> command;
    private final RedisClient admin = RedisClient.create(); // the test's own questions, one connection at a time
    private Process process;

    private RedisProcess(int port, Path dir, List<String> command) {
        this.port = port;
        this.dir = dir;
        this.command = command;
    }

    /**
     * Starts {@code redis-server} on the port, in the directory, with these settings after the common ones (loopback,
     * no snapshots, a log file, replicas that sync at once); returns once it answers a PING.
     */
    static RedisProcess start(Path dir, int port, List<String> settings) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                RedisServer.BINARY,
                "--port",
                Integer.toString(port),
                "--bind",
                "127.0.0.1",
                "--dir",
                dir.toString(),
                "--save",
                "",
                "--daemonize",
                "no",
                "--protected-mode",
                "no",
                "--repl-diskless-sync-delay",
                "0", // a replica's first sync starts at once, not 5 s later waiting for others
                "--logfile",
                dir.resolve("redis.log").toString()));
        command.addAll(settings);
        var redis = new RedisProcess(port, Files.createDirectories(dir), List.copyOf(command));
        redis.startProcess();
        return redis;
    }

    /** Starts {@code redis-sentinel} with this configuration file (Sentinel rewrites it); returns once it answers. */
    static RedisProcess sentinel(Path dir, int port, Path conf) throws IOException {
        var sentinel = new RedisProcess(port, dir, List.of(RedisServer.BINARY, conf.toString(), "--sentinel"));
        sentinel.startProcess();
        return sentinel;
    }

    /** Free loopback ports, held together while chosen so that they differ. */
    static int[] freePorts(int count) throws IOException {
        var sockets = new ArrayList<ServerSocket>();
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                sockets.add(socket);
                ports[i] = socket.getLocalPort();
            }
            return ports;
        } finally {
            for (ServerSocket socket : sockets) {
                socket.close();
            }
        }
    }

    String uri() {
        return "redis://127.0.0.1:" + port;
    }

    /** Asks this process something on a connection of its own, closed after. */
    <T> T ask(Function<RedisCommands<String, String>, T> question) {
        try (var connection = admin.connect(RedisURI.create(uri()))) {
            return question.apply(connection.sync());
        }
    }

    /** Whether it answers a PING now. */
    boolean answers() {
        try {
            return "PONG".equals(ask(RedisCommands::ping));
        } catch (RuntimeException notYet) {
            return false;
        }
    }

    /** Whether its process runs. */
    boolean alive() {
        return process != null && process.isAlive();
    }

    /** Its replication role as {@code INFO replication} says it: master or slave. */
    String role() {
        return RedisProbe.field(ask(redis -> redis.info("replication")), "role");
    }

    /**
     * Stops the process where it is (SIGSTOP) until {@link #thaw}: its connections stay open, so a master still
     * counts a frozen replica as connected, but it applies and acknowledges nothing, as a replica that falls behind.
     */
    void freeze() throws IOException, InterruptedException {
        signal("-STOP");
    }

    /** Lets a frozen process go on (SIGCONT). */
    void thaw() throws IOException, InterruptedException {
        signal("-CONT");
    }

    private void signal(String which) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", which, Long.toString(process.pid()))
                .redirectErrorStream(true)
                .start();
        if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
            throw new IllegalStateException("kill " + which + " " + process.pid() + " failed: "
                    + new String(kill.getInputStream().readAllBytes()));
        }
    }

    /** Stops it as an operator would (SIGTERM: it writes its data and exits). */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    /** Kills it as a crash would (SIGKILL): what it had not sent to its replicas yet is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** Starts it again, on its port and data; returns once it answers. */
    void restart() throws IOException {
        startProcess(List.of());
    }

    /**
     * Starts it again as the replica of the Redis on this port, as an operator brings a failed master back once its
     * replica took over (a Sentinel would make it one too, after a while).
     */
    void restartAsReplicaOf(int masterPort) throws IOException {
        startProcess(List.of("--replicaof", "127.0.0.1", Integer.toString(masterPort)));
    }

    private void startProcess() throws IOException {
        startProcess(List.of());
    }

    private void startProcess(List<String> more) throws IOException {
        List<String> all = new ArrayList<>(command);
        all.addAll(more);
        process = new ProcessBuilder(all)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        dir.resolve("stdout.log").toFile()))
                .start();
        Await.until(
                "redis on port " + port + " answering",
                () -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("redis on port " + port + " exited: " + log());
                    }
                    return answers();
                },
                ANSWERING);
    }

    /** What it logged, for a failure's message. */
    String log() {
        for (String name : List.of("redis.log", "stdout.log")) {
            try {
                String log = Files.readString(dir.resolve(name));
                if (!log.isBlank()) {
                    return log;
                }
            } catch (IOException unreadable) {
                // the other file may say it
            }
        }
        return "(nothing logged)";
    }

    @Override
    public void close() throws InterruptedException {
        if (alive()) {
            process.destroyForcibly().waitFor();
        }
        admin.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
}
