package dev.spout.redis;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.spout.testkit.Await;
import io.lettuce.core.MigrateArgs;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.File;
import java.io.IOException;
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
 * A real Redis Cluster for tests: nodes started as {@code redis-server --cluster-enabled yes} on free loopback ports
 * (their bus ports chosen too, {@code --cluster-port}, not port + 10000, which may be taken or past 65535), joined by
 * {@code redis-cli --cluster create}, and ready once every node says {@code cluster_state:ok} and knows them all (and,
 * with replicas, each replica has synced with its master). Skips the test when redis-server or redis-cli is missing,
 * or older than Redis 7 (sharded pub/sub), unless the build requires Redis ({@code -Dspout.requireRedis=true}, set in
 * CI).
 *
 * <pre>{@code
 * try (var cluster = RedisCluster.start(3)) {                 // three masters, fast: most tests
 *     RedisBroker broker = RedisBroker.create(cluster.uri()); // redis://127.0.0.1:p1,redis://127.0.0.1:p2
 * }
 * try (var cluster = RedisCluster.withReplicas(3)) {          // and a replica of each, for failover
 *     int master = cluster.ports().getFirst();
 *     int replica = cluster.replicaOf(master);
 *     cluster.kill(master);
 *     cluster.awaitPromoted(replica, Duration.ofSeconds(30));
 * }
 * }</pre>
 */
public final class RedisCluster implements AutoCloseable {
    static final String CLI = "/usr/bin/redis-cli";
    private static final Duration READY = Duration.ofSeconds(30);
    static final int NODE_TIMEOUT_MILLIS = 2000; // a master unreachable this long fails over to its replica

    private final Path dir;
    private final List<RedisProcess> nodes = new ArrayList<>();
    private final List<Integer> masters = new ArrayList<>();

    private RedisCluster(Path dir) {
        this.dir = dir;
    }

    /** A cluster of this many masters and no replica: quick to start. */
    public static RedisCluster start(int masters) throws Exception {
        return start(masters, 0);
    }

    /** A cluster of this many masters, each with one replica that takes over when its master fails. */
    public static RedisCluster withReplicas(int masters) throws Exception {
        return start(masters, 1);
    }

    private static RedisCluster start(int masters, int replicasEach) throws Exception {
        requireTools();
        var cluster = new RedisCluster(Files.createTempDirectory("spout-redis-cluster-"));
        try {
            for (int i = 0; i < masters * (1 + replicasEach); i++) {
                int[] ports = RedisProcess.freePorts(2);
                cluster.nodes.add(RedisProcess.start(
                        cluster.dir.resolve("n" + i),
                        ports[0],
                        List.of(
                                "--cluster-enabled",
                                "yes",
                                "--cluster-port",
                                Integer.toString(ports[1]),
                                "--cluster-config-file",
                                cluster.dir
                                        .resolve("n" + i)
                                        .resolve("nodes.conf")
                                        .toString(),
                                "--cluster-node-timeout",
                                Integer.toString(NODE_TIMEOUT_MILLIS),
                                "--appendonly",
                                "yes")));
            }
            cluster.create(replicasEach);
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

    /** The seeds, as a deployment would configure them: two of the masters (either is enough). */
    public String uri() {
        return "redis://127.0.0.1:" + masters.get(0) + ",redis://127.0.0.1:" + masters.get(1);
    }

    /** The ports of the masters the cluster was created with, in the order they were started. */
    List<Integer> ports() {
        return List.copyOf(masters);
    }

    /** What each master holds now of the keys matching the pattern, by port: where the topics live. */
    Map<Integer, List<String>> keysByMaster(String pattern) {
        var byMaster = new LinkedHashMap<Integer, List<String>>();
        for (RedisProcess node : nodes) {
            if (node.alive() && node.role().equals("master")) {
                byMaster.put(node.port, node.ask(redis -> redis.keys(pattern)));
            }
        }
        return byMaster;
    }

    /** The CLIENT LIST lines of the connections with this name, on every node that runs. */
    List<String> clients(String name) {
        List<String> clients = new ArrayList<>();
        for (RedisProcess node : nodes) {
            if (node.alive()) {
                node.ask(redis -> redis.clientList()
                        .lines()
                        .filter(line -> line.contains(" name=" + name + " "))
                        .collect(Collectors.toCollection(() -> clients)));
            }
        }
        return clients;
    }

    /** Asks the node on this port something. */
    <T> T onNode(int port, Function<RedisCommands<String, String>, T> question) {
        return node(port).ask(question);
    }

    /** Joins the nodes and shares the 16,384 slots among the masters; returns once every node sees it whole. */
    private void create(int replicasEach) throws Exception {
        List<String> command = new ArrayList<>(List.of(CLI, "--cluster", "create"));
        nodes.forEach(node -> command.add("127.0.0.1:" + node.port));
        command.addAll(List.of("--cluster-replicas", Integer.toString(replicasEach), "--cluster-yes"));
        Path out = dir.resolve("create.log");
        Process create = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(out.toFile())
                .start();
        if (!create.waitFor(30, TimeUnit.SECONDS) || create.exitValue() != 0) {
            create.destroyForcibly();
            throw new IllegalStateException("redis-cli --cluster create failed: " + Files.readString(out));
        }
        for (RedisProcess node : nodes) {
            Await.until(
                    "node " + node.port + " to see cluster_state:ok and " + nodes.size() + " nodes",
                    () -> node.ask(RedisCommands::clusterInfo),
                    info -> RedisProbe.field(info, "cluster_state").equals("ok")
                            && RedisProbe.field(info, "cluster_known_nodes").equals(Integer.toString(nodes.size())),
                    READY);
        }
        for (RedisProcess node : nodes) {
            if (node.role().equals("master")) {
                masters.add(node.port);
                Await.until(
                        "master " + node.port + " to have " + replicasEach + " replica(s) in sync",
                        () -> node.ask(redis -> redis.info("replication")),
                        info -> RedisProbe.field(info, "connected_slaves").equals(Integer.toString(replicasEach))
                                && (replicasEach == 0 || info.contains(",state=online,")),
                        READY);
            }
        }
    }

    /** The port of the replica of the master on this port. */
    int replicaOf(int masterPort) {
        String info = onNode(masterPort, redis -> redis.info("replication"));
        String line = RedisProbe.field(info, "slave0"); // ip=127.0.0.1,port=7001,state=online,offset=..,lag=..
        for (String part : line.split(",")) {
            if (part.startsWith("port=")) {
                return Integer.parseInt(part.substring("port=".length()));
            }
        }
        throw new AssertionError("master " + masterPort + " has no replica: " + info);
    }

    /**
     * Waits until the node on this port is a master and every node that runs says {@code cluster_state:ok}: its
     * master failed and it took over (within the node timeout, an election, and the time the others learn it).
     */
    void awaitPromoted(int port, Duration timeout) {
        Await.until(
                "node " + port + " promoted to master", () -> node(port).role().equals("master"), timeout);
        for (RedisProcess node : nodes) {
            if (node.alive()) {
                Await.until(
                        "node " + node.port + " to see cluster_state:ok after the failover",
                        () -> RedisProbe.field(node.ask(RedisCommands::clusterInfo), "cluster_state")
                                .equals("ok"),
                        timeout);
            }
        }
    }

    /**
     * Moves the slot of this key, and the keys in it, from one master to another, as {@code redis-cli --cluster
     * reshard} does: importing and migrating, MIGRATE, then every master told the new owner.
     */
    void moveSlot(String key, int fromPort, int toPort) {
        int slot = onNode(fromPort, redis -> redis.clusterKeyslot(key)).intValue();
        String from = onNode(fromPort, RedisCommands::clusterMyId);
        String to = onNode(toPort, RedisCommands::clusterMyId);
        onNode(toPort, redis -> redis.clusterSetSlotImporting(slot, from));
        onNode(fromPort, redis -> redis.clusterSetSlotMigrating(slot, to));
        onNode(fromPort, redis -> {
            List<String> keys = redis.clusterGetKeysInSlot(slot, 1000);
            if (!keys.isEmpty()) {
                redis.migrate("127.0.0.1", toPort, 0, 5000, MigrateArgs.Builder.keys(keys));
            }
            return keys;
        });
        onNode(toPort, redis -> redis.clusterSetSlotNode(slot, to));
        onNode(fromPort, redis -> redis.clusterSetSlotNode(slot, to));
        for (int master : masters) {
            if (master != fromPort && master != toPort) {
                onNode(master, redis -> redis.clusterSetSlotNode(slot, to));
            }
        }
    }

    /** Stops one node as an operator would (SIGTERM: it writes its data and exits). */
    void stop(int port) throws InterruptedException {
        node(port).stop();
    }

    /** Kills one node as a crash would (SIGKILL): what it had not sent to its replica is lost. */
    void kill(int port) throws InterruptedException {
        node(port).kill();
    }

    /** Starts a stopped node again, on its ports, data and identity (its nodes.conf); returns once it answers. */
    void restart(int port) throws IOException {
        node(port).restart();
    }

    private RedisProcess node(int port) {
        return nodes.stream()
                .filter(node -> node.port == port)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no node on port " + port));
    }

    @Override
    public void close() throws Exception {
        for (RedisProcess node : nodes) {
            node.close();
        }
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }
}
