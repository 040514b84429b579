package dev.spout.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * One run of the {@code cluster} scenario: bench nodes started (the first one publishing), load generators in their
 * own processes, each bound to its own source address 127.0.0.2, 127.0.0.3 … (each process has its own file limit,
 * and the nodes see them apart), and what the nodes and Redis did while the generators measured. Every process it
 * starts is stopped when it returns or fails.
 *
 * <pre>{@code
 * var plan = new ClusterRun.Plan(List.of(List.of("--redis", seeds), List.of("--redis", seeds)), 5, 2000, 2, 0, ...);
 * ClusterRun.Measurement m = new ClusterRun(peer, cluster).measure(plan);
 * }</pre>
 */
final class ClusterRun {
    /** The nodes' ports: apart from the other scenarios' (Runner.PORT …), which another run may be using. */
    static final int FIRST_PORT = Runner.PORT + 101;

    private final Peer peer;
    private final @Nullable LocalRedisCluster cluster;

    ClusterRun(Peer peer, @Nullable LocalRedisCluster cluster) {
        this.peer = peer;
        this.cluster = cluster;
    }

    /**
     * What to run: each node's extra flags, the first node's publish rate (the others publish nothing), the streams
     * spread over the nodes and over {@code generators} generators, {@code topics} topics one stream each (0: every
     * stream follows t0).
     */
    record Plan(
            List<List<String>> nodes,
            double rate,
            int streams,
            int generators,
            int topics,
            Duration warmup,
            Duration duration) {}

    /** What one run measured; figures per node are of the node with the most. */
    record Measurement(
            int planned,
            int connected,
            double deliveriesPerSecond,
            double p50Ms,
            double p99Ms,
            long errors,
            double baseRssMib,
            double rssMibMost,
            double rssKibPerStream,
            double heapKibPerStream,
            double coresMost,
            double coresAll,
            List<ShardSnapshot.Rates> shards,
            long redisMemoryGrowth,
            long redisKeys,
            RedisConnections connections,
            @Nullable String note) {}

    /** Connections a node holds to Redis, as the masters' {@code CLIENT LIST} names them. */
    record RedisConnections(
            long perNodeMost, long perNodePerMasterMost, long perNodePerMasterFewest, long perMasterMost) {
        static final RedisConnections NONE = new RedisConnections(0, 0, 0, 0);
    }

    Measurement measure(Plan plan) throws Exception {
        List<ServerProcess> servers = new ArrayList<>();
        List<LoadProcess> loads = new ArrayList<>();
        ShardSnapshot empty = cluster == null ? null : ShardSnapshot.take(cluster);
        try {
            List<String> urls = new ArrayList<>();
            for (int n = 0; n < plan.nodes().size(); n++) {
                List<String> extra = new ArrayList<>(plan.nodes().get(n));
                extra.addAll(List.of("--topics", Integer.toString(Math.max(1, plan.topics()))));
                List<String> command = new ArrayList<>(peer.command(0, 100, extra));
                // The whole initial heap touched at start, so that a node's RSS grows with its streams, not with
                // the first pass of the young generation over pages it had not used yet.
                command.add(1, "-XX:+AlwaysPreTouch");
                command.set(command.indexOf("--rate") + 1, Double.toString(n == 0 ? plan.rate() : 0));
                command.set(command.indexOf("--port") + 1, Integer.toString(FIRST_PORT + n));
                servers.add(ServerProcess.start(command, Duration.ofSeconds(120)));
                urls.add("http://127.0.0.1:" + (FIRST_PORT + n) + peer.stream());
            }
            long[] baseHeap = new long[servers.size()];
            long[] baseRss = new long[servers.size()];
            for (int n = 0; n < servers.size(); n++) {
                baseHeap[n] = servers.get(n).heapAfterGcKib();
                baseRss[n] = servers.get(n).rssKib();
            }
            int perGenerator = plan.generators() == 0 ? 0 : plan.streams() / plan.generators();
            for (int g = 0; g < plan.generators(); g++) {
                loads.add(new LoadProcess(generator(plan, urls, g, perGenerator)));
            }
            int connected = 0;
            long firstConnected = Long.MAX_VALUE;
            long lastConnected = System.nanoTime();
            for (LoadProcess load : loads) {
                connected += Math.max(0, load.connected.get(300, TimeUnit.SECONDS));
                firstConnected = Math.min(firstConnected, load.connectedNanos());
                lastConnected = Math.max(lastConnected, load.connectedNanos());
            }
            // Each generator measures from its own connected moment + warm-up: this window is what all of them
            // measure. The memory samples (a full GC per node) come after every window, while the streams are held.
            long windowStart = lastConnected + plan.warmup().toNanos();
            long windowEnd = (loads.isEmpty() ? lastConnected : firstConnected)
                    + plan.warmup().toNanos()
                    + plan.duration().toNanos()
                    - 500_000_000L;
            if (windowEnd - windowStart < plan.duration().toNanos() / 2) {
                throw new IllegalStateException("The generators' windows overlap for "
                        + Math.max(0, (windowEnd - windowStart) / 1_000_000) + " ms only: they connected "
                        + (lastConnected - firstConnected) / 1_000_000 + " ms apart");
            }
            Thread.sleep(Math.max(0, (windowStart - System.nanoTime()) / 1_000_000));
            double[] cpu0 = cpu(servers);
            ShardSnapshot shards0 = cluster == null ? null : ShardSnapshot.take(cluster);
            long t0 = System.nanoTime();
            Thread.sleep(Math.max(0, (windowEnd - System.nanoTime()) / 1_000_000));
            double seconds = (System.nanoTime() - t0) / 1e9;
            double[] cpu1 = cpu(servers);
            ShardSnapshot shards1 = cluster == null ? null : ShardSnapshot.take(cluster);
            List<ShardSnapshot.Rates> rates = cluster == null ? List.of() : shards1.since(shards0);
            long firstMeasured = Long.MAX_VALUE;
            for (LoadProcess load : loads) {
                load.measured.get(plan.duration().toSeconds() + 120, TimeUnit.SECONDS);
                firstMeasured = Math.min(firstMeasured, load.measuredNanos());
            }
            if (loads.isEmpty()) { // the burst: nothing to wait for
                firstMeasured = System.nanoTime();
            }
            long[][] samples = sample(servers, plan.streams() > 0);
            RedisConnections connections = cluster == null ? RedisConnections.NONE : connections(servers.size());
            String note = null;
            if (connected < plan.streams()) {
                note = (plan.streams() - connected) + " streams did not open";
            }
            if (!loads.isEmpty() && System.nanoTime() > firstMeasured + HOLD.toNanos()) {
                String late =
                        "the memory samples ended " + (System.nanoTime() - firstMeasured - HOLD.toNanos()) / 1_000_000
                                + " ms after a generator let its streams go";
                note = note == null ? late : note + "; " + late;
            }
            long heap = 0;
            long rss = 0;
            long rssMost = 0;
            for (int n = 0; n < servers.size(); n++) {
                heap += samples[n][0] - baseHeap[n];
                rss += samples[n][1] - baseRss[n];
                rssMost = Math.max(rssMost, samples[n][1]);
            }
            double coresMost = 0;
            double coresAll = 0;
            for (int n = 0; n < servers.size(); n++) {
                double cores = (cpu1[n] - cpu0[n]) / seconds;
                coresMost = Math.max(coresMost, cores);
                coresAll += cores;
            }
            double deliveries = 0;
            double p50 = 0;
            double p99 = 0;
            long errors = 0;
            for (LoadProcess load : loads) { // their latencies cannot be merged: the worst generator's
                Map<String, Double> result = load.result(300);
                String failed = load.stderr()
                        .lines()
                        .filter(line -> line.startsWith("failed "))
                        .reduce((a, b) -> a + ", " + b)
                        .orElse("");
                if (!failed.isEmpty()) {
                    note = (note == null ? "" : note + "; ") + failed;
                }
                deliveries += result.get("deliveriesPerSecond");
                p50 = Math.max(p50, result.get("p50Micros") / 1000);
                p99 = Math.max(p99, result.get("p99Micros") / 1000);
                errors += result.get("errors").longValue();
            }
            double baseRssMib = 0;
            for (long base : baseRss) {
                baseRssMib += base / 1024.0 / baseRss.length;
            }
            return new Measurement(
                    plan.streams(),
                    connected,
                    deliveries,
                    p50,
                    p99,
                    errors,
                    baseRssMib,
                    rssMost / 1024.0,
                    connected == 0 ? 0 : rss / (double) connected,
                    connected == 0 ? 0 : heap / (double) connected,
                    coresMost,
                    coresAll,
                    rates,
                    cluster == null ? 0 : shards1.usedMemory() - empty.usedMemory(),
                    cluster == null ? 0 : shards1.keys(),
                    connections,
                    note);
        } finally {
            for (LoadProcess load : loads) {
                load.stop();
            }
            for (ServerProcess server : servers) {
                server.close();
            }
        }
    }

    /** Generator {@code g}'s command: its share of the streams, from 127.0.0.(2 + g), its own block of topics. */
    private static List<String> generator(Plan plan, List<String> urls, int g, int perGenerator) {
        int streams = g == 0 ? plan.streams() - perGenerator * (plan.generators() - 1) : perGenerator;
        List<String> command = new ArrayList<>(Runner.tool(
                Runner.LOAD_JVM,
                "load",
                "--url",
                String.join(",", urls),
                "--connections",
                Integer.toString(streams),
                "--warmup",
                plan.warmup().toMillis() + "ms",
                "--duration",
                plan.duration().toMillis() + "ms",
                "--connect-timeout",
                "120s",
                "--hold",
                HOLD.toMillis() + "ms",
                "--threads",
                plan.generators() > 1 ? "1" : "2", // two cores in all: more threads only contend
                "--bind",
                "127.0.0." + (2 + g)));
        if (plan.topics() > 0) {
            int offset = g == 0 ? 0 : plan.streams() - perGenerator * (plan.generators() - g);
            command.addAll(List.of("--topics", Integer.toString(plan.topics()), "--topic-offset", "" + offset));
        }
        return command;
    }

    /**
     * How long a generator keeps its streams open after its window, for the memory samples (side by side, a few
     * seconds on this shared machine) and the generators that connected later to end their windows.
     */
    static final Duration HOLD = Duration.ofSeconds(20);

    /** Each node's heap after a full GC (if {@code heap}; else 0) and RSS, in KiB, all nodes at once. */
    private static long[][] sample(List<ServerProcess> servers, boolean heap) throws Exception {
        try (var executor = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            List<java.util.concurrent.Future<long[]>> futures = new ArrayList<>();
            for (ServerProcess server : servers) {
                futures.add(executor.submit(() -> new long[] {heap ? server.heapAfterGcKib() : 0, server.rssKib()}));
            }
            long[][] samples = new long[servers.size()][];
            for (int n = 0; n < servers.size(); n++) {
                samples[n] = futures.get(n).get(120, TimeUnit.SECONDS);
            }
            return samples;
        }
    }

    private static double[] cpu(List<ServerProcess> servers) throws Exception {
        double[] seconds = new double[servers.size()];
        for (int n = 0; n < servers.size(); n++) {
            seconds[n] = servers.get(n).cpuSeconds();
        }
        return seconds;
    }

    /** Each node's connections on each master, named {@code spout-bench-<port>} by BrokerChoice. */
    private RedisConnections connections(int nodes) {
        long perNodeMost = 0;
        long perNodePerMasterMost = 0;
        long perNodePerMasterFewest = Long.MAX_VALUE;
        long perMasterMost = 0;
        long[] perNode = new long[nodes];
        for (int port : cluster.ports()) {
            String list = cluster.clientList(port);
            long onMaster = 0;
            for (int n = 0; n < nodes; n++) {
                String name = " name=spout-bench-" + (FIRST_PORT + n) + " ";
                long count = list.lines().filter(line -> line.contains(name)).count();
                perNode[n] += count;
                onMaster += count;
                perNodePerMasterMost = Math.max(perNodePerMasterMost, count);
                perNodePerMasterFewest = Math.min(perNodePerMasterFewest, count);
            }
            perMasterMost = Math.max(perMasterMost, onMaster);
        }
        for (long count : perNode) {
            perNodeMost = Math.max(perNodeMost, count);
        }
        return new RedisConnections(perNodeMost, perNodePerMasterMost, perNodePerMasterFewest, perMasterMost);
    }
}
