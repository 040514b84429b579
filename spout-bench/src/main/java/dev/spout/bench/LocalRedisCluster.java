package dev.spout.bench;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A throwaway Redis Cluster for the {@code cluster} scenario: masters started as {@code redis-server
 * --cluster-enabled yes} on free loopback ports, without persistence, joined by {@code redis-cli --cluster create
 * --cluster-replicas 0}, ready once every master says {@code cluster_state:ok} and knows them all. Every wait is
 * bounded; a failure stops what was started. The runner's own, not the tests' {@code RedisCluster} (the bench does
 * not depend on test code).
 *
 * <pre>{@code
 * try (var cluster = LocalRedisCluster.start(3, Duration.ofSeconds(60))) {
 *     String seeds = cluster.seeds(); // redis://127.0.0.1:p1,redis://127.0.0.1:p2, for server --redis
 *     Map<String, String> stats = cluster.info(cluster.ports().getFirst(), "stats");
 * }
 * }</pre>
 */
final class LocalRedisCluster implements AutoCloseable {
    static final Path SERVER = Path.of("/usr/bin/redis-server");
    static final Path CLI = Path.of("/usr/bin/redis-cli");

    private final Path dir;
    private final List<Integer> ports = new ArrayList<>();
    private final List<Process> processes = new ArrayList<>();
    private final List<StatefulRedisConnection<String, String>> admin = new ArrayList<>();
    private final RedisClient client = RedisClient.create();
    private final Thread stopAtExit = new Thread(this::stopProcesses); // a runner stopped by ^C leaves none behind

    private LocalRedisCluster(Path dir) {
        this.dir = dir;
    }

    /** Whether this machine has what a cluster needs. */
    static boolean available() {
        return Files.isExecutable(SERVER) && Files.isExecutable(CLI);
    }

    static LocalRedisCluster start(int masters, Duration timeout) throws Exception {
        var cluster = new LocalRedisCluster(Files.createTempDirectory("spout-bench-cluster-"));
        Runtime.getRuntime().addShutdownHook(cluster.stopAtExit);
        try {
            long deadline = System.nanoTime() + timeout.toNanos();
            for (int i = 0; i < masters; i++) {
                cluster.startMaster(Files.createDirectories(cluster.dir.resolve("m" + i)), deadline);
            }
            cluster.create(deadline);
            return cluster;
        } catch (Exception | Error failed) {
            cluster.close();
            throw failed;
        }
    }

    /** Two masters as seeds, as a deployment would configure its nodes (either is enough). */
    String seeds() {
        return "redis://127.0.0.1:" + ports.get(0) + ",redis://127.0.0.1:" + ports.get(1);
    }

    List<Integer> ports() {
        return List.copyOf(ports);
    }

    /** One section of a master's {@code INFO}, as name → value ({@code cmdstat_evalsha} → {@code calls=3,...}). */
    Map<String, String> info(int port, String section) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : connection(port).sync().info(section).split("\r?\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && !line.startsWith("#")) {
                fields.put(line.substring(0, colon), line.substring(colon + 1).strip());
            }
        }
        return fields;
    }

    /** A master's {@code CLIENT LIST}: a line per connection, with its {@code name=}. */
    String clientList(int port) {
        return connection(port).sync().clientList();
    }

    /** Empties every master, so that one row's streams do not weigh on the next. */
    void flushAll() {
        for (int port : ports) {
            connection(port).sync().flushall();
        }
    }

    private StatefulRedisConnection<String, String> connection(int port) {
        return admin.get(ports.indexOf(port));
    }

    private void startMaster(Path home, long deadline) throws Exception {
        int[] free = freePorts();
        Process process = new ProcessBuilder(List.of(
                        SERVER.toString(),
                        "--port",
                        Integer.toString(free[0]),
                        "--cluster-port", // chosen, not port + 10,000, which may be taken
                        Integer.toString(free[1]),
                        "--cluster-enabled",
                        "yes",
                        "--cluster-config-file",
                        home.resolve("nodes.conf").toString(),
                        // Redis's default: a master starved of CPU on this shared machine must not be failed
                        "--cluster-node-timeout",
                        "15000",
                        "--bind",
                        "127.0.0.1",
                        "--dir",
                        home.toString(),
                        "--save",
                        "",
                        "--appendonly",
                        "no",
                        "--protected-mode",
                        "no",
                        "--logfile",
                        home.resolve("redis.log").toString()))
                .redirectErrorStream(true)
                .redirectOutput(home.resolve("stdout.log").toFile())
                .start();
        processes.add(process);
        ports.add(free[0]);
        RedisURI uri = RedisURI.create("redis://127.0.0.1:" + free[0]);
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("redis-server on port " + free[0] + " exited: " + log(home));
            }
            try {
                admin.add(client.connect(uri));
                return;
            } catch (io.lettuce.core.RedisConnectionException notYet) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("redis-server on port " + free[0] + " did not answer", notYet);
                }
                Thread.sleep(50);
            }
        }
    }

    /** Joins the masters, sharing the 16,384 slots; returns once every master sees the whole cluster. */
    private void create(long deadline) throws Exception {
        List<String> command = new ArrayList<>(List.of(CLI.toString(), "--cluster", "create"));
        ports.forEach(port -> command.add("127.0.0.1:" + port));
        command.addAll(List.of("--cluster-replicas", "0", "--cluster-yes"));
        Path out = dir.resolve("create.log");
        Process create = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(out.toFile())
                .start();
        long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
        if (!create.waitFor(left, TimeUnit.MILLISECONDS)) {
            create.destroyForcibly().waitFor();
            throw new IllegalStateException("redis-cli --cluster create did not finish: " + Files.readString(out));
        }
        if (create.exitValue() != 0) {
            throw new IllegalStateException("redis-cli --cluster create failed: " + Files.readString(out));
        }
        for (int port : ports) {
            while (true) {
                Map<String, String> info = clusterInfo(port);
                if ("ok".equals(info.get("cluster_state"))
                        && Integer.toString(ports.size()).equals(info.get("cluster_known_nodes"))) {
                    break;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Master " + port + " did not see the cluster ready: " + info);
                }
                Thread.sleep(100);
            }
        }
    }

    private Map<String, String> clusterInfo(int port) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : connection(port).sync().clusterInfo().split("\r?\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                fields.put(line.substring(0, colon), line.substring(colon + 1).strip());
            }
        }
        return fields;
    }

    private static int[] freePorts() throws IOException {
        try (var a = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                var b = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) { // held together: they differ
            return new int[] {a.getLocalPort(), b.getLocalPort()};
        }
    }

    private static String log(Path home) {
        try {
            return Files.readString(home.resolve("redis.log"));
        } catch (IOException unreadable) {
            return "(no log: " + unreadable + ")";
        }
    }

    private void stopProcesses() {
        for (Process process : processes) {
            process.destroy();
        }
        for (Process process : processes) {
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException interrupted) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() throws IOException {
        admin.forEach(StatefulRedisConnection::close);
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        stopProcesses();
        try {
            Runtime.getRuntime().removeShutdownHook(stopAtExit);
        } catch (IllegalStateException exiting) {
            // the JVM is already exiting: the hook runs (or ran) anyway
        }
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }
}
