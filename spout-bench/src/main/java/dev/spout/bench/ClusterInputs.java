package dev.spout.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The capacity model's inputs as the {@code cluster} scenario has them, and where each came from: a node's memory and
 * deliveries per core from the calibration run, a shard's publishes and memory per event from the burst, and a
 * stream that mostly waits from the report's {@code idle} and {@code topics} rows (measured by those scenarios).
 *
 * <pre>{@code
 * var inputs = ClusterInputs.from(calibration, burst, Runner.ROOT.resolve("docs/benchmarks.md"));
 * var model = new CapacityModel(inputs.measured(), ClusterInputs.SIZING);
 * }</pre>
 */
record ClusterInputs(
        CapacityModel.Measured measured, @Nullable String broadcastSource, String perUserSource) {
    /**
     * The node and shard docs/capacity.md plans with: this machine's kind (2 cores), 3 GiB for the node's process,
     * 19,500 HTTP/1.1 streams (the 20,000-file limit), half of each measured capacity used; 4 GiB per master.
     */
    static final CapacityModel.Sizing SIZING = new CapacityModel.Sizing(2, 3072, 19_500, 0.5, 4096);

    /** What the issue quotes for one Redis master, used only when the burst could not measure it. */
    static final double QUOTED_PUBLISHES_PER_SHARD = 100_000;

    /**
     * What a node keeps of one 100-byte event in a topic's history: its entry, its encoded bytes, its id (a class
     * histogram of a node following 2,000 topics: about 7,000 events held in 2.3 MB). Estimated, not measured by the
     * scenario, whose runs are too short for histories to fill.
     */
    static final double HISTORY_BYTES_PER_EVENT = 300;

    /** The kernel's memory for an idle stream's socket on this machine (FACTS.md, measured with C and epoll). */
    static final double KERNEL_KIB_PER_STREAM = 4.4;

    /** Below this share of a core, a master's CPU says too little to extrapolate to a whole one. */
    private static final double LEAST_CPU_SHARE = 0.05;

    static ClusterInputs from(ClusterRun.Measurement calibration, ClusterRun.Measurement burst, Path report) {
        Double perShard = publishesPerShardSecond(burst.shards());
        double publishes = burst.shards().stream()
                .mapToDouble(ShardSnapshot.Rates::publishesPerSecond)
                .sum();
        double growth = burst.shards().stream()
                .mapToDouble(ShardSnapshot.Rates::memoryPerSecond)
                .sum();
        double deliveriesPerCore = calibration.deliveriesPerSecond() / calibration.coresAll();
        String broadcast = perShard == null
                ? "publishes/shard-s: the issue's 100,000, not measured (the burst loaded no master enough)"
                : null;
        double perUserKib = calibration.rssKibPerStream();
        String perUser = "a stream as the calibration's (the report has no topics row)";
        Double topic = figure(report, "topics", "idle topics", "heap KiB/topic");
        if (topic != null) {
            perUserKib += topic;
            perUser = String.format(
                    Locale.ROOT, "a stream: the calibration's + the topics row's %.2f KiB for its topic", topic);
        }
        var measured = new CapacityModel.Measured(
                calibration.baseRssMib(),
                calibration.rssKibPerStream(),
                perUserKib,
                KERNEL_KIB_PER_STREAM,
                HISTORY_BYTES_PER_EVENT,
                calibration.deliveriesPerSecond() / calibration.coresAll(),
                publishes / burst.coresAll(),
                perShard == null ? QUOTED_PUBLISHES_PER_SHARD : perShard,
                publishes > 0 ? growth / publishes : 0,
                0,
                Double.NaN); // the prediction: a per-user node's CPU from the marginal rates, to be checked
        return new ClusterInputs(measured, broadcast, broadcast == null ? perUser : perUser + "; " + broadcast);
    }

    /**
     * Publishes one master takes in a second of its CPU, over the masters that published: their publishes over
     * their CPU; none if they used too little CPU to extrapolate from.
     */
    static @Nullable Double publishesPerShardSecond(List<ShardSnapshot.Rates> shards) {
        double publishes = 0;
        double cpu = 0;
        for (ShardSnapshot.Rates shard : shards) {
            if (shard.publishesPerSecond() > 0) {
                publishes += shard.publishesPerSecond();
                cpu += shard.cpuShare();
            }
        }
        return cpu < LEAST_CPU_SHARE * shards.size() ? null : publishes / cpu;
    }

    /**
     * A figure of the Spout row of a scenario in the report (its median), the row whose setup contains {@code
     * setup} if given; none if the report, the row or the figure is missing.
     */
    static @Nullable Double figure(Path report, String scenario, @Nullable String setup, String measure) {
        if (!Files.exists(ReportData.file(report))) {
            return null;
        }
        try {
            for (Report.Row row : Report.read(report).rows(scenario)) {
                Object label = row.values().get("setup");
                if (row.peer().equals("Spout")
                        && (setup == null || String.valueOf(label).contains(setup))) {
                    Double value = Report.median(row.values().get(measure));
                    if (value != null) {
                        return value;
                    }
                }
            }
            return null;
        } catch (IOException unreadable) {
            throw new java.io.UncheckedIOException("Cannot read the report " + report, unreadable);
        }
    }
}
