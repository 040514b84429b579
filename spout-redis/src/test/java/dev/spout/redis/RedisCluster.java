package dev.spout.redis;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.spout.testkit.Await;
import io.lettuce.core.MigrateArgs;
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
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A real Redis Cluster for tests: masters started as {@code redis-server --cluster-enabled yes} on free loopback
 * ports (their bus ports chosen too, {@code --cluster-port}, not port + 10000, which may be taken or past 65535),
 * joined by {@code redis-cli --cluster create}, and ready once every node says {@code cluster_state:ok} and knows
 * them all. Skips the test when redis-server or redis-cli is missing, or older than Redis 7 (sharded pub/sub),
 * unless the build requires Redis ({@code -Dspout.requireRedis=true}, set in CI).
 *
 * <pre>{@code
 * try (var cluster = RedisCluster.start(3)) {
 *     RedisBroker broker = RedisBroker.create(cluster.uri()); // redis://127.0.0.1:p1,redis://127.0.0.1:p2
 * }
 * }</pre>
 */
public final class RedisCluster implements AutoCloseable {
    static final String CLI = "/usr/bin/redis-cli";
    private static final Duration READY = Duration.ofSeconds(30);

    private final Path dir;
    private final List<Node> nodes = new ArrayList<>();
    private final RedisClient admin = RedisClient.create(); // the test's own questions, one connection at a time

    /** One master: its ports, its directory (data and nodes.conf), its process. */
    private static final class Node {
        final int port;
        final int busPort;
        final Path dir;
        Process process;

        Node(int port, int busPort, Path dir) {
            this.port = port;
            this.busPort = busPort;
            this.dir = dir;
        }
    }

    private RedisCluster(Path dir) {
        this.dir = dir;
    }

    public static RedisCluster start(int masters) throws Exception {
        requireTools();
        var cluster = new RedisCluster(Files.createTempDirectory("spout-redis-cluster-"));
        try {
            for (int i = 0; i < masters; i++) {
                int[] ports = freePorts(2);
                var node = new Node(ports[0], ports[1], Files.createDirectories(cluster.dir.resolve("n" + i)));
                cluster.nodes.add(node);
                cluster.startProcess(node);
            }
            cluster.create();
            return cluster;
        } catch (Exception | AssertionError failed) {
            cluster.close();
            throw failed;
        }
    }

    private static void requireTools() throws Exception {
        boolean present = new File(RedisServer.BINARY).canExecute() && new File(CLI).canExecute();
        String version = present ? version() : "";
        boolean seven = present && Integer.parseInt(version.substring(0, version.indexOf('.'))) >= 7;
        String missing = !present
                ? "redis-server and redis-cli are not installed (apt-get install -y redis-server redis-tools)"
                : "Redis " + version + " has no sharded pub/sub: a Redis Cluster test needs Redis 7 or later";
        if (!seven && Boolean.getBoolean("spout.requireRedis")) {
            throw new IllegalStateException("Redis Cluster tests cannot run: " + missing);
        }
        assumeTrue(seven, missing + ": Redis Cluster test skipped");
    }

    /** The version redis-server says it is ({@code Redis server v=7.0.15 ...} gives {@code 7.0.15}). */
    private static String version() throws Exception {
        Process process = new ProcessBuilder(RedisServer.BINARY, "--version")
                .redirectErrorStream(true)
                .start();
        String out = new String(process.getInputStream().readAllBytes());
        process.waitFor(10, TimeUnit.SECONDS);
        int at = out.indexOf("v=");
        return out.substring(at + 2, out.indexOf(' ', at));
    }

    private static int[] freePorts(int count) throws IOException {
        var sockets = new ArrayList<ServerSocket>();
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) { // held together, so that the two differ
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

    /** The seeds, as a deployment would configure them: two of the masters (either is enough). */
    public String uri() {
        return "redis://127.0.0.1:" + nodes.get(0).port + ",redis://127.0.0.1:" + nodes.get(1).port;
    }

    /** The masters' ports, in the order they were started. */
    List<Integer> ports() {
        return nodes.stream().map(node -> node.port).toList();
    }

    /** What each master holds of the keys matching the pattern, by port: where the topics live. */
    Map<Integer, List<String>> keysByMaster(String pattern) {
        var byMaster = new LinkedHashMap<Integer, List<String>>();
        for (Node node : nodes) {
            byMaster.put(node.port, onNode(node.port, redis -> redis.sync().keys(pattern)));
        }
        return byMaster;
    }

    /** The CLIENT LIST lines of the connections with this name, on every master. */
    List<String> clients(String name) {
        List<String> clients = new ArrayList<>();
        for (Node node : nodes) {
            onNode(
                    node.port,
                    redis -> redis.sync()
                            .clientList()
                            .lines()
                            .filter(line -> line.contains(" name=" + name + " "))
                            .collect(Collectors.toCollection(() -> clients)));
        }
        return clients;
    }

    private <T> T onNode(int port, Function<StatefulRedisConnection<String, String>, T> ask) {
        try (var connection = admin.connect(RedisURI.create("redis://127.0.0.1:" + port))) {
            return ask.apply(connection);
        }
    }

    private void startProcess(Node node) throws IOException {
        node.process = new ProcessBuilder(List.of(
                        RedisServer.BINARY,
                        "--port",
                        Integer.toString(node.port),
                        "--cluster-port",
                        Integer.toString(node.busPort),
                        "--cluster-enabled",
                        "yes",
                        "--cluster-config-file",
                        node.dir.resolve("nodes.conf").toString(),
                        "--cluster-node-timeout",
                        "2000",
                        "--bind",
                        "127.0.0.1",
                        "--dir",
                        node.dir.toString(),
                        "--appendonly",
                        "yes",
                        "--save",
                        "",
                        "--daemonize",
                        "no",
                        "--protected-mode",
                        "no",
                        "--logfile",
                        node.dir.resolve("redis.log").toString()))
                .redirectErrorStream(true)
                .redirectOutput(node.dir.resolve("stdout.log").toFile())
                .start();
        Await.until(
                "redis-server on port " + node.port + " answering",
                () -> {
                    if (!node.process.isAlive()) {
                        throw new IllegalStateException("redis-server exited: " + log(node));
                    }
                    return answers(node.port);
                },
                Duration.ofSeconds(10));
    }

    private boolean answers(int port) {
        try {
            return onNode(port, redis -> redis.sync().ping()).equals("PONG");
        } catch (RuntimeException notYet) {
            return false;
        }
    }

    /** Joins the masters and shares the 16,384 slots among them; returns once every node sees the whole cluster. */
    private void create() throws Exception {
        List<String> command = new ArrayList<>(List.of(CLI, "--cluster", "create"));
        nodes.forEach(node -> command.add("127.0.0.1:" + node.port));
        command.addAll(List.of("--cluster-replicas", "0", "--cluster-yes"));
        Path out = dir.resolve("create.log");
        Process create = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(out.toFile())
                .start();
        if (!create.waitFor(30, TimeUnit.SECONDS) || create.exitValue() != 0) {
            create.destroyForcibly();
            throw new IllegalStateException("redis-cli --cluster create failed: " + Files.readString(out));
        }
        for (Node node : nodes) {
            Await.until(
                    "node " + node.port + " to see cluster_state:ok and " + nodes.size() + " nodes",
                    () -> onNode(node.port, redis -> redis.sync().clusterInfo()),
                    info -> RedisProbe.field(info, "cluster_state").equals("ok")
                            && RedisProbe.field(info, "cluster_known_nodes").equals(Integer.toString(nodes.size())),
                    READY);
        }
    }

    /**
     * Moves the slot of this key, and the keys in it, from one master to another, as {@code redis-cli --cluster
     * reshard} does: importing and migrating, MIGRATE, then every master told the new owner.
     */
    void moveSlot(String key, int fromPort, int toPort) {
        int slot = onNode(fromPort, redis -> redis.sync().clusterKeyslot(key)).intValue();
        String from = onNode(fromPort, redis -> redis.sync().clusterMyId());
        String to = onNode(toPort, redis -> redis.sync().clusterMyId());
        onNode(toPort, redis -> redis.sync().clusterSetSlotImporting(slot, from));
        onNode(fromPort, redis -> redis.sync().clusterSetSlotMigrating(slot, to));
        onNode(fromPort, redis -> {
            List<String> keys = redis.sync().clusterGetKeysInSlot(slot, 1000);
            if (!keys.isEmpty()) {
                redis.sync().migrate("127.0.0.1", toPort, 0, 5000, MigrateArgs.Builder.keys(keys));
            }
            return keys;
        });
        onNode(toPort, redis -> redis.sync().clusterSetSlotNode(slot, to));
        onNode(fromPort, redis -> redis.sync().clusterSetSlotNode(slot, to));
        for (Node node : nodes) {
            if (node.port != fromPort && node.port != toPort) {
                onNode(node.port, redis -> redis.sync().clusterSetSlotNode(slot, to));
            }
        }
    }

    /** Stops one master as an operator would (SIGTERM: it writes its data and exits). */
    void stop(int port) throws InterruptedException {
        Process process = node(port).process;
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    /** Starts a stopped master again, on its ports, data and identity (its nodes.conf); returns once it answers. */
    void restart(int port) throws IOException {
        startProcess(node(port));
    }

    private Node node(int port) {
        return nodes.stream()
                .filter(node -> node.port == port)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no master on port " + port));
    }

    private static String log(Node node) {
        try {
            return Files.readString(node.dir.resolve("redis.log"));
        } catch (IOException unreadable) {
            return "(no log: " + unreadable + ")";
        }
    }

    @Override
    public void close() throws Exception {
        for (Node node : nodes) {
            if (node.process != null && node.process.isAlive()) {
                node.process.destroyForcibly().waitFor();
            }
        }
        admin.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }
}
