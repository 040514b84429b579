package dev.spout.bench;

import dev.spout.bench.CapacityModel.Load;
import dev.spout.bench.CapacityModel.Shape;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code capacity}: the table of docs/capacity.md, from the {@code cluster} rows of a report (their medians): what
 * 10,000, 100,000 and 1,000,000 streams need, for a broadcast topic and for one topic per user, on nodes of this
 * machine's kind with the file limit as here and raised.
 *
 * <pre>
 * java -jar spout-bench/target/spout-bench.jar capacity [--report docs/benchmarks.md]
 * </pre>
 */
@Command(
        name = "capacity",
        mixinStandardHelpOptions = true,
        description = "Prints the capacity table of docs/capacity.md from a report's cluster rows (their medians).")
final class CapacityCommand implements Callable<Integer> {
    /** A broadcast topic: an event a second to every stream. */
    static final double BROADCAST_RATE = 1;
    /** Replay kept ten minutes, in Redis (the broker's maxAge) and in each node's topic history (its default). */
    static final double RETENTION_SECONDS = 600;

    @Option(names = "--report", paramLabel = "FILE", description = "The report (default docs/benchmarks.md).")
    Path report = Runner.ROOT.resolve("docs/benchmarks.md");

    @Override
    public Integer call() {
        CapacityModel.Measured measured = measured(report);
        System.out.print(describe(measured));
        for (long maxStreams : new long[] {ClusterInputs.SIZING.maxStreamsPerNode(), 1_000_000}) {
            var sizing = new CapacityModel.Sizing(
                    ClusterInputs.SIZING.cores(),
                    ClusterInputs.SIZING.nodeMemoryMib(),
                    maxStreams,
                    ClusterInputs.SIZING.headroom(),
                    ClusterInputs.SIZING.shardMemoryMib());
            System.out.print(table(new CapacityModel(measured, sizing)));
        }
        return 0;
    }

    /** The model's inputs from the report's cluster rows: the measured Redis rows where they exist. */
    static CapacityModel.Measured measured(Path report) {
        return new CapacityModel.Measured(
                figure(report, "broadcast: ", "base RSS MiB/node"),
                figure(report, "broadcast: ", "RSS KiB/stream"),
                figure(report, "per user: ", "RSS KiB/stream"),
                ClusterInputs.KERNEL_KIB_PER_STREAM,
                ClusterInputs.HISTORY_BYTES_PER_EVENT,
                figure(report, "broadcast: ", "deliveries/core-s"),
                figure(report, "publish burst", "events/s") / figure(report, "publish burst", "CPU cores/node (most)"),
                figure(report, "publish burst", "publishes/shard-s at 100% CPU"),
                figure(report, "publish burst", "Redis bytes/event"),
                figure(report, "per user: ", "Redis bytes/topic"),
                figure(report, "per user: ", "deliveries/core-s"));
    }

    private static double figure(Path report, String setup, String measure) {
        for (Report.Row row : read(report)) {
            String label = String.valueOf(row.values().get("setup"));
            if (label.startsWith(setup) && !label.contains("model")) {
                Double value = Report.median(row.values().get(measure));
                if (value != null) {
                    return value;
                }
            }
        }
        throw new IllegalStateException("The report " + report + " has no cluster row '" + setup + "…' with '" + measure
                + "': run the cluster scenario first");
    }

    private static List<Report.Row> read(Path report) {
        try {
            return Report.read(report).rows(ClusterScenario.NAME);
        } catch (java.io.IOException unreadable) {
            throw new java.io.UncheckedIOException("Cannot read the report " + report, unreadable);
        }
    }

    static String describe(CapacityModel.Measured m) {
        return String.format(
                Locale.ROOT,
                "Inputs: node %.0f MiB + %.1f KiB a broadcast stream, %.1f KiB a per-user stream, %.1f KiB a socket"
                        + " in the kernel, %.0f B an event of history; %,.0f deliveries and %,.0f publishes a node"
                        + " core-second (%,.0f deliveries of one topic per user, all included); %,.0f publishes a"
                        + " shard core-second; Redis %.0f B an event, %.0f B a topic.%n",
                m.nodeBaseRssMib(),
                m.broadcastRssKibPerStream(),
                m.perUserRssKibPerStream(),
                m.kernelKibPerStream(),
                m.historyBytesPerEvent(),
                m.deliveriesPerCoreSecond(),
                m.publishesPerNodeCoreSecond(),
                m.perUserDeliveriesPerCoreSecond(),
                m.publishesPerShardSecond(),
                m.redisBytesPerEvent(),
                m.redisBytesPerTopic());
    }

    /** One table: a row per workload. */
    static String table(CapacityModel model) {
        var sizing = model.sizing();
        var md = new StringBuilder(String.format(
                Locale.ROOT,
                "%nNodes of %d cores, %,.0f MiB, at most %,d streams each; masters of %,.0f MiB; %.0f%% of each"
                        + " capacity used.%n%n",
                sizing.cores(),
                sizing.nodeMemoryMib(),
                sizing.maxStreamsPerNode(),
                sizing.shardMemoryMib(),
                100 * sizing.headroom()));
        md.append("| streams | topics | events/s published | deliveries/s | nodes (bound) | memory/node MiB |"
                + " memory, all nodes GiB | Redis shards (bound) | Redis memory GiB | connections/master (most) |\n");
        md.append("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (long streams : new long[] {10_000, 100_000, 1_000_000}) {
            for (Shape shape : Shape.values()) {
                double rate = shape == Shape.BROADCAST ? BROADCAST_RATE : ClusterScenario.PER_USER_RATE;
                var load = new Load(shape, streams, rate, RETENTION_SECONDS, RETENTION_SECONDS);
                var needs = model.plan(load);
                md.append(String.format(
                        Locale.ROOT,
                        "| %,d | %s | %,.0f | %,.0f | %,d (%s) | %,.0f | %,.1f | %,d (%s)%s | %,.2f | %,d |%n",
                        streams,
                        shape == Shape.BROADCAST ? "1, an event/s" : "1 per user, an event/10 s each",
                        load.publishesPerSecond(),
                        load.deliveriesPerSecond(),
                        needs.nodes(),
                        needs.nodeBound(),
                        needs.memoryPerNodeMib(),
                        needs.nodes() * needs.memoryPerNodeMib() / 1024,
                        needs.shards(),
                        needs.shardBound(),
                        needs.oneTopicFits() ? "" : ", the topic too fast for one master",
                        needs.redisMemoryMib() / 1024,
                        needs.connectionsPerMasterMost()));
            }
        }
        return md.toString();
    }
}
