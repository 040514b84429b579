package dev.spout.bench;

import dev.spout.bench.CapacityModel.Load;
import dev.spout.bench.CapacityModel.Shape;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code cluster} scenario (issue, part 7): the capacity model of docs/capacity.md checked against several Spout
 * nodes on a 3-master Redis Cluster on loopback, the streams opened by load generators each bound to its own
 * 127.0.0.x. Four measured rows, each a run of its own ({@link ClusterRun}), repeated by the runner's rounds:
 *
 * <ol>
 *   <li>calibration: one node in memory with one node's share of the streams, a broadcast topic: its memory per
 *       stream and deliveries per core, the model's node inputs;
 *   <li>publish burst: one node publishing as fast as it can to many topics on every master, no streams: publishes a
 *       master takes per second of its CPU, and Redis memory per event, the model's shard inputs;
 *   <li>broadcast: one topic, the streams spread over the nodes, the first node publishing;
 *   <li>one topic per user: each stream its own topic, the first node publishing to each in turn.
 * </ol>
 *
 * Beside the last two, the model's prediction from the first two (and from the report's idle row, for a stream that
 * mostly waits), as rows of their own with the same columns.
 */
final class ClusterScenario {
    static final String NAME = "cluster";
    /** Events a second to every stream of the broadcast topic. */
    static final double BROADCAST_RATE = 5;
    /** Each user's topic: an event every ten seconds (the assumption of docs/capacity.md). */
    static final double PER_USER_RATE = 0.1;

    static final int MASTERS = 3;

    /** What the report says of the scenario, above its table. */
    static final String DESCRIPTION = "Spout nodes on a 3-master Redis Cluster on loopback (Spout only; the capacity"
            + " model and its check: [capacity.md](capacity.md)). Load generators are processes of their own, each"
            + " bound to its own source address (127.0.0.2, 127.0.0.3, …); the first node publishes. Rows: a"
            + " calibration (one node in memory with one node's share of the streams: memory per stream, deliveries"
            + " per core); a publish burst (one node publishing as fast as it can to many topics, no streams:"
            + " publishes a master takes per second of its CPU, Redis memory per event); a broadcast topic; one topic"
            + " per user (an event every 10 s each, topics spread over the masters as their names hash); after each"
            + " of the last two, the model's prediction from the first two (and from the idle row). Latency is the"
            + " worst generator's; CPU and RSS per node the node with the most; Redis figures per master over the"
            + " measured window (INFO commandstats, cpu, memory; CLIENT LIST names). Each cell is min / median / max"
            + " of the rounds. Every process shares two cores: read the CPU figures as rough.";

    private final Runner runner;

    ClusterScenario(Runner runner) {
        this.runner = runner;
    }

    /**
     * The scenario's size: quick is a check of about two minutes, full about four. Full holds 15,000 streams on three
     * nodes, each from its own generator process (24,000 overloaded two cores shared with the other work on this
     * machine: streams timed out before their headers, p50 of seconds).
     */
    record Size(
            int nodes,
            int streams,
            int generators,
            int burstTopics,
            double burstRate,
            Duration warmup,
            Duration duration) {
        /** About how long the first node has published when the window ends: what a topic's history holds then. */
        double history() {
            return warmup.plus(duration).toSeconds() + 10;
        }
    }

    Size size() {
        return runner.quick
                ? new Size(2, 2000, 2, 1000, 20_000, Duration.ofSeconds(8), Duration.ofSeconds(6))
                : new Size(3, 15_000, 3, 3000, 40_000, Duration.ofSeconds(12), Duration.ofSeconds(20));
    }

    void run(Peer peer) throws Exception {
        if (!LocalRedisCluster.available()) {
            runner.report.add(NAME, peer.label(), Map.of(), "not run: redis-server or redis-cli is not installed");
            return;
        }
        Size size = size();
        String nodes = size.nodes() + " nodes on " + MASTERS + " masters, ";
        String broadcastLabel = "broadcast: " + nodes + count(size.streams()) + " streams, 1 topic at "
                + (int) BROADCAST_RATE + " events/s";
        String perUserLabel = "per user: " + nodes + count(size.streams()) + " topics × 1 stream, each "
                + (int) Math.round(1 / PER_USER_RATE) + " s apart";
        try (var cluster = LocalRedisCluster.start(MASTERS, Duration.ofSeconds(60))) {
            var run = new ClusterRun(peer, cluster);
            List<String> redis = List.of("--redis", cluster.seeds());
            int perNode = size.streams() / size.nodes();
            var calibration = part(
                    peer,
                    "calibration: 1 node in memory, " + count(perNode) + " streams, 1 topic at " + (int) BROADCAST_RATE
                            + " events/s",
                    () -> new ClusterRun(peer, null)
                            .measure(new ClusterRun.Plan(
                                    List.of(List.of()), BROADCAST_RATE, perNode, 1, 0, size.warmup(), size.duration())),
                    BROADCAST_RATE,
                    BROADCAST_RATE * perNode);
            cluster.flushAll();
            var burst = part(
                    peer,
                    "publish burst: 1 node, " + count(size.burstTopics()) + " topics on " + MASTERS
                            + " masters, no streams",
                    () -> run.measure(new ClusterRun.Plan(
                            List.of(redis),
                            size.burstRate(),
                            0,
                            0,
                            size.burstTopics(),
                            Duration.ofSeconds(4),
                            size.duration())),
                    0,
                    0);
            cluster.flushAll();
            ClusterInputs inputs = calibration == null || burst == null
                    ? null
                    : ClusterInputs.from(calibration, burst, Runner.ROOT.resolve("docs/benchmarks.md"));
            List<List<String>> everyNode = new ArrayList<>();
            for (int n = 0; n < size.nodes(); n++) {
                everyNode.add(redis);
            }
            var broadcast = part(
                    peer,
                    broadcastLabel,
                    () -> run.measure(new ClusterRun.Plan(
                            everyNode,
                            BROADCAST_RATE,
                            size.streams(),
                            size.generators(),
                            0,
                            size.warmup(),
                            size.duration())),
                    BROADCAST_RATE,
                    BROADCAST_RATE * size.streams());
            modelRow(
                    peer,
                    "broadcast",
                    inputs,
                    new Load(Shape.BROADCAST, size.streams(), BROADCAST_RATE, 0, size.history()),
                    broadcast,
                    size);
            cluster.flushAll();
            var perUser = part(
                    peer,
                    perUserLabel,
                    () -> run.measure(new ClusterRun.Plan(
                            everyNode,
                            PER_USER_RATE * size.streams(),
                            size.streams(),
                            size.generators(),
                            size.streams(),
                            size.warmup(),
                            size.duration())),
                    PER_USER_RATE * size.streams(),
                    PER_USER_RATE * size.streams());
            modelRow(
                    peer,
                    "per user",
                    inputs,
                    new Load(Shape.PER_USER, size.streams(), PER_USER_RATE, 0, size.history()),
                    perUser,
                    size);
        }
    }

    private interface Part {
        ClusterRun.Measurement run() throws Exception;
    }

    /**
     * Runs one part and adds its row, given the events published a second and the deliveries that makes (0: the
     * burst, whose rate is what the masters took); a failure is its row (and null), and the other parts still run.
     */
    private ClusterRun.Measurement part(Peer peer, String setup, Part part, double events, double offered)
            throws InterruptedException {
        System.err.println("   " + setup);
        try {
            var measured = part.run();
            runner.report.addRun(
                    NAME, peer.label(), setup, new Report.Measured(row(measured, events, offered), measured.note()));
            return measured;
        } catch (Exception failure) {
            String why =
                    String.valueOf(failure.getMessage()).lines().findFirst().orElse("");
            runner.report.addRun(NAME, peer.label(), setup, new Report.Measured(Map.of(), "failed: " + why));
            System.err.println("   failed: " + failure);
            return null;
        } finally {
            Thread.sleep(2000); // sockets in TIME_WAIT and the CPU settle between parts
        }
    }

    /** A measured row: what the generators, the nodes and the masters did. */
    static Map<String, Object> row(ClusterRun.Measurement m, double events, double offered) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("streams", (double) m.connected());
        double publishes = m.shards().stream()
                .mapToDouble(ShardSnapshot.Rates::publishesPerSecond)
                .sum();
        row.put("events/s", events > 0 ? events : publishes);
        if (m.connected() > 0) {
            row.put("deliveries/s", m.deliveriesPerSecond());
            // of what the streams that opened were offered
            row.put("delivered %", 100 * m.deliveriesPerSecond() / (offered * m.connected() / m.planned()));
            row.put("p50 ms", m.p50Ms());
            row.put("p99 ms", m.p99Ms());
            row.put("errors", (double) m.errors());
        }
        row.put("base RSS MiB/node", m.baseRssMib());
        row.put("RSS MiB/node (most)", m.rssMibMost());
        if (m.connected() > 0) {
            row.put("RSS KiB/stream", m.rssKibPerStream());
            row.put("heap KiB/stream", m.heapKibPerStream());
        }
        row.put("CPU cores/node (most)", m.coresMost());
        if (m.connected() > 0 && m.coresAll() > 0) {
            row.put("deliveries/core-s", m.deliveriesPerSecond() / m.coresAll());
        }
        if (m.shards().isEmpty()) {
            return row;
        }
        var busiest = m.shards().stream()
                .max(java.util.Comparator.comparingDouble(ShardSnapshot.Rates::publishesPerSecond))
                .orElseThrow();
        row.put("publishes/s, busiest master", busiest.publishesPerSecond());
        row.put(
                "publishes/s, idlest master",
                m.shards().stream()
                        .mapToDouble(ShardSnapshot.Rates::publishesPerSecond)
                        .min()
                        .orElseThrow());
        row.put("Redis CPU %, busiest master", 100 * busiest.cpuShare());
        row.put(
                "Redis commands/s, busiest master",
                m.shards().stream()
                        .mapToDouble(ShardSnapshot.Rates::commandsPerSecond)
                        .max()
                        .orElseThrow());
        if (m.connected() == 0) { // the burst: what a master takes, and keeps
            Double perShard = ClusterInputs.publishesPerShardSecond(m.shards());
            if (perShard != null) {
                row.put("publishes/shard-s at 100% CPU", perShard);
            }
            row.put(
                    "Redis bytes/event",
                    m.shards().stream()
                                    .mapToDouble(ShardSnapshot.Rates::memoryPerSecond)
                                    .sum()
                            / publishes);
        } else if (m.redisKeys() > 1) {
            row.put("Redis bytes/topic", m.redisMemoryGrowth() / (double) m.redisKeys());
        }
        row.put("Redis conns/node", (double) m.connections().perNodeMost());
        row.put("Redis conns/node/master (most)", (double) m.connections().perNodePerMasterMost());
        row.put("Redis conns/node/master (fewest)", (double) m.connections().perNodePerMasterFewest());
        row.put("Redis conns/master (most)", (double) m.connections().perMasterMost());
        return row;
    }

    /**
     * The model's row after a measured one: the same columns, what the model says they should be for the streams
     * that opened, its inputs from the calibration and the burst of this round (none if either failed).
     */
    private void modelRow(
            Peer peer, String shape, ClusterInputs inputs, Load load, ClusterRun.Measurement measured, Size size) {
        String label = shape + ": the model's prediction";
        if (inputs == null) {
            runner.report.addRun(
                    NAME,
                    peer.label(),
                    label,
                    new Report.Measured(Map.of(), "none: the calibration or the burst failed"));
            return;
        }
        var model = new CapacityModel(inputs.measured(), ClusterInputs.SIZING);
        long open = measured == null ? load.streams() : measured.connected();
        var expected = model.expect(load, open, size.nodes(), MASTERS);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("streams", (double) open);
        row.put("events/s", load.publishesPerSecond());
        row.put("deliveries/s", expected.deliveriesPerSecond());
        row.put("base RSS MiB/node", model.measured().nodeBaseRssMib());
        row.put("RSS MiB/node (most)", expected.rssMibPerNode());
        row.put("RSS KiB/stream", expected.rssKibPerStream());
        row.put("CPU cores/node (most)", expected.coresPerNode());
        row.put("deliveries/core-s", model.measured().deliveriesPerCoreSecond());
        row.put("publishes/s, busiest master", expected.publishesBusiestMaster());
        row.put("publishes/s, idlest master", expected.publishesIdlestMaster());
        row.put("Redis CPU %, busiest master", expected.redisCpuBusiestPercent());
        row.put("Redis conns/node", (double) expected.connectionsPerNode());
        row.put("Redis conns/node/master (most)", (double) expected.connectionsPerNodePerMasterMost());
        row.put("Redis conns/node/master (fewest)", (double) expected.connectionsPerNodePerMasterFewest());
        row.put("Redis conns/master (most)", (double) expected.connectionsPerMasterMost());
        String source = load.shape() == Shape.PER_USER ? inputs.perUserSource() : inputs.broadcastSource();
        runner.report.addRun(NAME, peer.label(), label, new Report.Measured(row, source));
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
