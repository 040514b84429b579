package dev.spout.bench;

import dev.spout.bench.common.Args;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs every scenario against every peer, one after the other, with the same JVM flags, and writes {@code
 * docs/benchmarks.md} and {@code docs/benchmarks.png}.
 *
 * <pre>
 * java -jar spout-bench/target/spout-bench.jar run [--scenarios idle,fanout,fanout-max,max-streams,loops,http2,redis,topics]
 *      [--peers spout,jetty,javalin,helidon,webflux,vertx,rawnio] [--quick]
 * </pre>
 */
final class Runner {
    /** The flags every server runs with, whatever its stack. */
    static final List<String> SERVER_JVM = List.of("-Xms256m", "-Xmx2g", "-XX:+UseG1GC");

    static final List<String> LOAD_JVM = List.of("-Xmx1g", "-XX:+UseG1GC");
    static final int PORT = 18800;
    static final String NO_HEADERS = "no stream counted: without events the server sends no response headers "
            + "(WebFlux writes them with the first event), so the load generator never sees a stream open";

    /** One stack under test. */
    record Peer(String name, String label, Path jar, boolean spout) {
        List<String> command(int rate, int size, List<String> extra) {
            List<String> command = new ArrayList<>();
            command.add(java());
            command.addAll(SERVER_JVM);
            command.add("-jar");
            command.add(jar.toString());
            if (spout) {
                command.add("server");
            }
            command.addAll(List.of(
                    "--port",
                    Integer.toString(PORT),
                    "--rate",
                    Integer.toString(rate),
                    "--size",
                    Integer.toString(size)));
            command.addAll(extra);
            return command;
        }
    }

    static final List<Peer> PEERS = List.of(
            new Peer("spout", "Spout", Path.of("spout-bench/target/spout-bench.jar"), true),
            new Peer(
                    "jetty",
                    "Jetty 12 core (by hand)",
                    Path.of("spout-bench/peers/jetty/target/bench-jetty.jar"),
                    false),
            new Peer("javalin", "Javalin 7", Path.of("spout-bench/peers/javalin/target/bench-javalin.jar"), false),
            new Peer("helidon", "Helidon SE 4", Path.of("spout-bench/peers/helidon/target/bench-helidon.jar"), false),
            new Peer(
                    "webflux",
                    "Spring WebFlux (Boot 4)",
                    Path.of("spout-bench/peers/webflux/target/bench-webflux.jar"),
                    false),
            new Peer("vertx", "Vert.x 5 (by hand)", Path.of("spout-bench/peers/vertx/target/bench-vertx.jar"), false),
            new Peer("rawnio", "raw NIO floor", Path.of("spout-bench/peers/rawnio/target/bench-rawnio.jar"), false));

    final boolean quick;
    final Report report = new Report();
    private final SpoutScenarios spoutOnly = new SpoutScenarios(this);
    private final TopicScenarios topics = new TopicScenarios(this);

    Runner(boolean quick) {
        this.quick = quick;
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static void main(Args args) throws Exception {
        var runner = new Runner(args.flag("quick"));
        List<String> scenarios = args.list("scenarios", "idle,fanout,fanout-max,max-streams,loops,http2,redis,topics");
        List<Peer> peers = new ArrayList<>();
        for (String name : args.list("peers", "spout,jetty,javalin,helidon,webflux,vertx,rawnio")) {
            Peer peer = PEERS.stream()
                    .filter(p -> p.name().equals(name))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("Unknown peer " + name));
            if (Files.exists(peer.jar())) {
                peers.add(peer);
            } else {
                runner.report.note("Not run: " + peer.label() + " (" + peer.jar()
                        + " is missing; build it with ./mvnw -Pbench -DskipTests package)");
            }
        }
        var command = new StringBuilder("java -jar spout-bench/target/spout-bench.jar run");
        args.options()
                .forEach((name, value) ->
                        command.append(" --").append(name).append(value.equals("true") ? "" : " " + value));
        runner.report.setup(command.toString(), SERVER_JVM, LOAD_JVM);
        for (String scenario : scenarios) {
            for (Peer peer : peers) {
                if (List.of("loops", "http2", "redis", "topics").contains(scenario) && !peer.spout()) {
                    continue; // Spout's own models: per-client handlers, and HTTP/2 beyond the file limit
                }
                System.err.printf("== %s / %s%n", scenario, peer.label());
                try {
                    runner.run(scenario, peer);
                } catch (Exception failure) {
                    runner.report.add(
                            scenario,
                            peer.label(),
                            Map.of(),
                            "failed: "
                                    + failure.getMessage().lines().findFirst().orElse(""));
                    System.err.println("   failed: " + failure);
                }
                Thread.sleep(2000); // let sockets in TIME_WAIT and the CPU settle between runs
            }
        }
        Path docs = Path.of("docs");
        Files.createDirectories(docs);
        runner.report.write(docs.resolve("benchmarks.md"), docs.resolve("benchmarks.png"));
        System.err.println("Wrote docs/benchmarks.md and docs/benchmarks.png");
    }

    private void run(String scenario, Peer peer) throws Exception {
        switch (scenario) {
            case "idle" -> idle(peer);
            case "fanout" -> fanout(peer);
            case "fanout-max" -> fanoutMax(peer);
            case "max-streams" -> maxStreams(peer);
            case "loops" -> spoutOnly.loops(peer);
            case "http2" -> spoutOnly.http2(peer);
            case "redis" -> spoutOnly.redis(peer);
            case "topics" -> topics.run(peer);
            default -> throw new IllegalArgumentException("Unknown scenario " + scenario);
        }
    }

    List<String> load(String path, int connections, Duration warmup, Duration duration) {
        List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(LOAD_JVM);
        command.addAll(List.of(
                "-jar",
                PEERS.getFirst().jar().toString(),
                "load",
                "--url",
                "http://127.0.0.1:" + PORT + path,
                "--connections",
                Integer.toString(connections),
                "--warmup",
                warmup.toMillis() + "ms",
                "--duration",
                duration.toMillis() + "ms",
                "--threads",
                "2"));
        return command;
    }

    Duration seconds(int full, int quickSeconds) {
        return Duration.ofSeconds(quick ? quickSeconds : full);
    }

    /** 10,000 idle streams: server memory per stream, resident and heap after GC. */
    private void idle(Peer peer) throws Exception {
        int streams = quick ? 2000 : 10_000;
        try (var server = ServerProcess.start(peer.command(0, 100, List.of()), Duration.ofSeconds(60))) {
            Thread.sleep(2000);
            long heap0 = server.heapAfterGcKib();
            long rss0 = server.rssKib();
            var load = new LoadProcess(load("/sse", streams, seconds(20, 8), Duration.ofSeconds(2)));
            int connected = load.connected.get(120, TimeUnit.SECONDS);
            Thread.sleep(3000);
            long heap1 = server.heapAfterGcKib();
            long rss1 = server.rssKib();
            var result = load.result(180);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("streams", connected);
            if (connected > 0) {
                row.put("RSS KiB/stream", (rss1 - rss0) / (double) connected);
                row.put("heap KiB/stream", (heap1 - heap0) / (double) connected);
            }
            row.put("RSS MiB", rss1 / 1024.0);
            row.put("errors", result.get("errors"));
            report.add("idle", peer.label(), row, connected > 0 ? null : NO_HEADERS);
        }
    }

    /** 2,000 streams, 100 events/s of 100 bytes: deliveries/s and latency from the intended publish time. */
    private void fanout(Peer peer) throws Exception {
        int streams = quick ? 500 : 2000;
        try (var server = ServerProcess.start(peer.command(100, 100, List.of()), Duration.ofSeconds(60))) {
            var load = new LoadProcess(load("/sse", streams, seconds(10, 4), seconds(20, 6)));
            report.add("fanout", peer.label(), latencyRow(load.result(300)), null);
        }
    }

    /** 1,000 streams, the rate doubled until deliveries fall under 95% of offered or p99 passes 1 s. */
    private void fanoutMax(Peer peer) throws Exception {
        int streams = 1000;
        double best = 0;
        int bestRate = 0;
        String stop = "reached the highest step";
        for (int rate : quick ? new int[] {100, 400, 1600} : new int[] {50, 100, 200, 400, 800, 1600, 3200, 6400}) {
            try (var server = ServerProcess.start(peer.command(rate, 100, List.of()), Duration.ofSeconds(60))) {
                var result = new LoadProcess(load("/sse", streams, seconds(5, 3), seconds(10, 4))).result(300);
                double offered = rate * result.getOrDefault("connected", 0.0);
                double delivered = result.get("deliveriesPerSecond");
                double p99 = result.get("p99Micros");
                System.err.printf(
                        "   rate %d: %.0f of %.0f/s, p99 %.1f ms, errors %.0f%n",
                        rate, delivered, offered, p99 / 1000, result.get("errors"));
                if (delivered < 0.95 * offered || p99 > 1_000_000 || result.get("errors") > 0) {
                    stop = String.format(
                            "at %d events/s: %.0f%% delivered, p99 %.0f ms, %.0f errors",
                            rate, 100 * delivered / offered, p99 / 1000, result.get("errors"));
                    break;
                }
                best = delivered;
                bestRate = rate;
            }
        }
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("max deliveries/s", best);
        row.put("at events/s", bestRate);
        report.add("fanout-max", peer.label(), row, "stopped " + stop);
    }

    /** As many streams as the file limit allows, held for a minute: how many stay, with how many errors. */
    private void maxStreams(Peer peer) throws Exception {
        int streams = quick ? 5000 : 19_500;
        try (var server = ServerProcess.start(peer.command(0, 100, List.of()), Duration.ofSeconds(60))) {
            var load = new LoadProcess(load("/sse", streams, Duration.ofSeconds(1), seconds(60, 10)));
            int connected = load.connected.get(180, TimeUnit.SECONDS);
            var result = load.result(300);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("opened", connected);
            row.put("held after the minute", result.get("connected"));
            row.put("errors", result.get("errors"));
            row.put("RSS MiB", server.rssKib() / 1024.0);
            report.add("max-streams", peer.label(), row, connected > 0 ? null : NO_HEADERS);
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
