package dev.spout.bench;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The scenarios every peer runs (idle, fanout, fanout-max, max-streams), and fanout and fanout-max over HTTPS
 * (fanout-tls, fanout-max-tls) by the peers that serve TLS ({@link Peers#TLS}), each measured once per call: the
 * runner repeats them and the report gives min / median / max.
 */
final class PeerScenarios {
    /**
     * The rate of the scenarios that measure held streams: one event every five seconds. WebFlux sends a stream's
     * headers only with its first event, so without any event it would count no stream at all; every peer gets
     * the same trickle, which costs nothing measurable.
     */
    static final double TRICKLE = 0.2;

    private final Runner runner;

    PeerScenarios(Runner runner) {
        this.runner = runner;
    }

    Report.Measured run(String scenario, Peer peer) throws Exception {
        return switch (scenario) {
            case "idle" -> idle(peer);
            case "fanout" -> fanout(peer, false);
            case "fanout-max" -> fanoutMax(peer, false);
            case "fanout-tls" -> fanout(peer, true);
            case "fanout-max-tls" -> fanoutMax(peer, true);
            case "max-streams" -> maxStreams(peer);
            default -> throw new IllegalArgumentException("Not a scenario of every peer: " + scenario);
        };
    }

    static boolean isOne(String scenario) {
        return List.of("idle", "fanout", "fanout-max", "max-streams", "fanout-tls", "fanout-max-tls")
                .contains(scenario);
    }

    /** 10,000 idle streams: server memory per stream, resident and heap after GC. */
    private Report.Measured idle(Peer peer) throws Exception {
        int streams = runner.quick ? 2000 : 10_000;
        try (var server = ServerProcess.start(peer.command(TRICKLE, 100, List.of()), Duration.ofSeconds(60))) {
            Thread.sleep(2000);
            long heap0 = server.heapAfterGcKib();
            long rss0 = server.rssKib();
            var load =
                    new LoadProcess(runner.load(peer.stream(), streams, runner.seconds(20, 8), Duration.ofSeconds(2)));
            int connected = load.connected.get(120, TimeUnit.SECONDS);
            Thread.sleep(3000);
            long heap1 = server.heapAfterGcKib();
            long rss1 = server.rssKib();
            var result = load.result(180);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("streams", (double) connected);
            if (connected > 0) {
                row.put("RSS KiB/stream", (rss1 - rss0) / (double) connected);
                row.put("heap KiB/stream", (heap1 - heap0) / (double) connected);
            }
            row.put("RSS MiB", rss1 / 1024.0);
            row.put("errors", result.get("errors"));
            return new Report.Measured(row, connected > 0 ? null : "no stream opened");
        }
    }

    /**
     * 2,000 streams, 100 events/s of 100 bytes: deliveries/s and latency from the intended publish time, and the
     * server's CPU over the generator's window (after its warm-up), in cores and per delivery; with {@code tls}, over
     * HTTPS (HTTP/1.1), the run's test certificate served and trusted.
     */
    private Report.Measured fanout(Peer peer, boolean tls) throws Exception {
        int streams = runner.quick ? 500 : 2000;
        Duration warmup = runner.seconds(10, 4);
        try (var server = ServerProcess.start(peer.command(100, 100, runner.serverTls(tls)), Duration.ofSeconds(60))) {
            var load = new LoadProcess(runner.load(peer.stream(), streams, warmup, runner.seconds(20, 6), tls));
            load.connected.get(180, TimeUnit.SECONDS);
            Thread.sleep(warmup.toMillis()); // the generator's warm-up: its window starts about now
            double cpu0 = server.cpuSeconds();
            long t0 = System.nanoTime();
            load.measured.get(300, TimeUnit.SECONDS);
            double cores = (server.cpuSeconds() - cpu0) / ((System.nanoTime() - t0) / 1e9);
            var result = load.result(300);
            runner.negotiated(tls ? "fanout-tls" : "fanout", load);
            Map<String, Object> row = latencyRow(result);
            row.put("server CPU (cores)", cores);
            if (result.get("deliveriesPerSecond") > 0) {
                row.put("server CPU ns/delivery", cores * 1e9 / result.get("deliveriesPerSecond"));
            }
            return new Report.Measured(row, null);
        }
    }

    /**
     * 1,000 streams, the rate doubled until deliveries fall under 95% of what was offered to the 1,000 streams, p99
     * passes 1 s, or a stream is dropped. Offered is the rate times the streams opened, not the streams left at the
     * end: a step that drops streams is counted against the ones it dropped. With {@code tls}, over HTTPS.
     */
    private Report.Measured fanoutMax(Peer peer, boolean tls) throws Exception {
        int streams = 1000;
        Double best = null;
        int bestRate = 0;
        String stop = "held the highest step: the limit is above it";
        for (int rate : runner.quick
                ? new int[] {100, 400, 1600}
                : new int[] {50, 100, 200, 400, 800, 1600, 3200, 6400, 12_800}) {
            try (var server =
                    ServerProcess.start(peer.command(rate, 100, runner.serverTls(tls)), Duration.ofSeconds(60))) {
                var load = new LoadProcess(
                        runner.load(peer.stream(), streams, runner.seconds(5, 3), runner.seconds(10, 4), tls));
                var result = load.result(300);
                runner.negotiated(tls ? "fanout-max-tls" : "fanout-max", load);
                double offered = (double) rate * streams;
                double delivered = result.get("deliveriesPerSecond");
                double p99 = result.get("p99Micros");
                double left = result.getOrDefault("connected", 0.0);
                System.err.printf(
                        "   rate %d: %.0f of %.0f/s, p99 %.1f ms, %.0f of %d streams left, errors %.0f%n",
                        rate, delivered, offered, p99 / 1000, left, streams, result.get("errors"));
                if (delivered < 0.95 * offered || p99 > 1_000_000 || result.get("errors") > 0 || left < streams) {
                    stop = String.format(
                            "stopped at %d events/s: %.0f%% of offered delivered, p99 %.0f ms, %.0f of %d streams left",
                            rate, 100 * delivered / offered, p99 / 1000, left, streams);
                    break;
                }
                best = delivered;
                bestRate = rate;
            }
        }
        Map<String, Object> row = new LinkedHashMap<>();
        if (best != null) { // a peer that held no step has no figure, rather than a zero
            row.put("max deliveries/s", best);
            row.put("at events/s", (double) bestRate);
        }
        return new Report.Measured(row, (best == null ? "no step held; " : "") + stop);
    }

    /** As many streams as the file limit allows, held for a minute: how many stay, with how many errors. */
    private Report.Measured maxStreams(Peer peer) throws Exception {
        int streams = runner.quick ? 5000 : 19_500;
        try (var server = ServerProcess.start(peer.command(TRICKLE, 100, List.of()), Duration.ofSeconds(60))) {
            var load =
                    new LoadProcess(runner.load(peer.stream(), streams, Duration.ofSeconds(1), runner.seconds(60, 10)));
            int connected = load.connected.get(180, TimeUnit.SECONDS);
            var result = load.result(300);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("opened", (double) connected);
            row.put("held after the minute", result.get("connected"));
            row.put("errors", result.get("errors"));
            row.put("RSS MiB", server.rssKib() / 1024.0);
            return new Report.Measured(row, connected > 0 ? null : "no stream opened");
        }
    }

    static Map<String, Object> latencyRow(Map<String, Double> result) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("streams", result.get("connected"));
        row.put("deliveries/s", result.get("deliveriesPerSecond"));
        row.put("p50 ms", result.get("p50Micros") / 1000);
        row.put("p90 ms", result.get("p90Micros") / 1000);
        row.put("p99 ms", result.get("p99Micros") / 1000);
        row.put("max ms", result.get("maxMicros") / 1000);
        row.put("errors", result.get("errors"));
        row.put("gaps", result.get("gaps"));
        return row;
    }
}
