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

    /**
     * The repository the runner belongs to, found from where its own classes are
     * ({@code <root>/spout-bench/target/spout-bench.jar} or {@code .../target/classes}), so that it finds the peers
     * and writes the report in the same place from whatever directory it is started; the working directory if it
     * cannot tell.
     */
    static final Path ROOT = repositoryRoot();

    static final String ALL_SCENARIOS = "idle,fanout,fanout-max,max-streams,loops,http2,redis,topics";
    static final String ALL_PEERS = "spout,jetty,javalin,helidon,webflux,vertx,rawnio";
    private static final List<String> SPOUT_ONLY = List.of("loops", "http2", "redis", "topics");
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
            new Peer("spout", "Spout", ROOT.resolve("spout-bench/target/spout-bench.jar"), true),
            new Peer(
                    "jetty",
                    "Jetty 12 core (by hand)",
                    ROOT.resolve("spout-bench/peers/jetty/target/bench-jetty.jar"),
                    false),
            new Peer("javalin", "Javalin 7", ROOT.resolve("spout-bench/peers/javalin/target/bench-javalin.jar"), false),
            new Peer(
                    "helidon",
                    "Helidon SE 4",
                    ROOT.resolve("spout-bench/peers/helidon/target/bench-helidon.jar"),
                    false),
            new Peer(
                    "webflux",
                    "Spring WebFlux (Boot 4)",
                    ROOT.resolve("spout-bench/peers/webflux/target/bench-webflux.jar"),
                    false),
            new Peer(
                    "vertx",
                    "Vert.x 5 (by hand)",
                    ROOT.resolve("spout-bench/peers/vertx/target/bench-vertx.jar"),
                    false),
            new Peer(
                    "rawnio",
                    "raw NIO floor",
                    ROOT.resolve("spout-bench/peers/rawnio/target/bench-rawnio.jar"),
                    false));

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
        List<String> scenarios = args.list("scenarios", ALL_SCENARIOS);
        for (String scenario : scenarios) {
            if (!List.of(ALL_SCENARIOS.split(",")).contains(scenario)) {
                throw new IllegalArgumentException("Unknown scenario " + scenario + ": choose from " + ALL_SCENARIOS);
            }
        }
        List<Peer> peers = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String name : args.list("peers", ALL_PEERS)) {
            Peer peer = PEERS.stream()
                    .filter(p -> p.name().equals(name))
                    .findFirst()
                    .orElseThrow(
                            () -> new IllegalArgumentException("Unknown peer " + name + ": choose from " + ALL_PEERS));
            if (Files.exists(peer.jar())) {
                peers.add(peer);
            } else {
                missing.add(peer.label() + " (" + peer.jar() + ")");
                runner.report.note("Not run: " + peer.label() + " (" + peer.jar()
                        + " is missing; build it with ./mvnw -Pbench -DskipTests package)");
            }
        }
        Path out = args.options().containsKey("out") ? Path.of(args.string("out", "docs")) : ROOT.resolve("docs");
        Path markdown = out.resolve("benchmarks.md");
        Path chart = out.resolve("benchmarks.png");
        List<Planned> plan = runner.plan(scenarios, peers);
        System.err.print(describe(plan, missing, markdown, chart));
        if (args.flag("dry-run")) {
            return;
        }
        var command = new StringBuilder("java -jar spout-bench/target/spout-bench.jar run");
        args.options()
                .forEach((name, value) ->
                        command.append(" --").append(name).append(value.equals("true") ? "" : " " + value));
        runner.report.setup(command.toString(), SERVER_JVM, LOAD_JVM);
        long started = System.nanoTime();
        long estimateLeft = plan.stream().mapToLong(Planned::estimateSeconds).sum();
        for (int i = 0; i < plan.size(); i++) {
            Planned step = plan.get(i);
            long elapsed = (System.nanoTime() - started) / 1_000_000_000;
            System.err.printf(
                    "== [%d/%d] %s / %s (%s elapsed, about %s left)%n",
                    i + 1, plan.size(), step.scenario(), step.peer().label(), minutes(elapsed), minutes(estimateLeft));
            try {
                runner.run(step.scenario(), step.peer());
            } catch (Exception failure) {
                runner.report.add(
                        step.scenario(),
                        step.peer().label(),
                        Map.of(),
                        "failed: "
                                + String.valueOf(failure.getMessage())
                                        .lines()
                                        .findFirst()
                                        .orElse(""));
                System.err.println("   failed: " + failure);
            }
            estimateLeft -= step.estimateSeconds();
            Thread.sleep(2000); // let sockets in TIME_WAIT and the CPU settle between runs
        }
        Files.createDirectories(out);
        runner.report.write(markdown, chart);
        System.err.printf(
                "Wrote %s and %s after %s%n", markdown, chart, minutes((System.nanoTime() - started) / 1_000_000_000));
    }

    /** One run of the plan, with what it is expected to take. */
    record Planned(String scenario, Peer peer, long estimateSeconds) {}

    /** Every scenario against every peer that takes it, in order, each with its estimate. */
    List<Planned> plan(List<String> scenarios, List<Peer> peers) {
        List<Planned> plan = new ArrayList<>();
        for (String scenario : scenarios) {
            for (Peer peer : peers) {
                if (SPOUT_ONLY.contains(scenario) && !peer.spout()) {
                    continue; // Spout's own models: per-client handlers, HTTP/2 beyond the file limit, Redis, topics
                }
                plan.add(new Planned(scenario, peer, estimateSeconds(scenario) + 2));
            }
        }
        return plan;
    }

    /**
     * Roughly how long a scenario takes on one peer: its warm-ups, measurements and server starts, as the code
     * below runs them (fanout-max assumes every step is climbed). An estimate, to plan a run by, not a promise.
     */
    long estimateSeconds(String scenario) {
        return switch (scenario) {
            case "idle" -> quick ? 20 : 35;
            case "fanout" -> quick ? 15 : 35;
            case "fanout-max" -> quick ? 30 : 150;
            case "max-streams" -> quick ? 25 : 90;
            case "loops" -> quick ? 25 : 60;
            case "http2" -> quick ? 25 : 60;
            case "redis" -> quick ? 40 : 90;
            case "topics" -> quick ? 120 : 420;
            default -> throw new IllegalArgumentException("Unknown scenario " + scenario);
        };
    }

    static String describe(List<Planned> plan, List<String> missing, Path markdown, Path chart) {
        var out = new StringBuilder("Plan: ").append(plan.size()).append(" runs\n");
        for (Planned step : plan) {
            out.append(String.format(
                    "  %-12s %-26s about %s%n", step.scenario(), step.peer().label(), minutes(step.estimateSeconds())));
        }
        for (String peer : missing) {
            out.append("  not run: ")
                    .append(peer)
                    .append(" is missing; build it with ./mvnw -q -Pbench -DskipTests install\n");
        }
        long total = plan.stream().mapToLong(Planned::estimateSeconds).sum();
        out.append("About ")
                .append(minutes(total))
                .append(" in all; the report goes to ")
                .append(markdown);
        out.append(" and its chart to ").append(chart).append("\n");
        return out.toString();
    }

    private static Path repositoryRoot() {
        try {
            Path code = Path.of(Runner.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            Path target = code.getParent(); // the jar's directory, or target/ for target/classes
            if (target != null
                    && target.getFileName() != null
                    && target.getFileName().toString().equals("target")
                    && target.getParent() != null
                    && target.getParent().getFileName().toString().equals("spout-bench")) {
                return target.getParent().getParent();
            }
        } catch (java.net.URISyntaxException | SecurityException | NullPointerException unknown) {
            // fall through: the working directory
        }
        return Path.of("").toAbsolutePath();
    }

    static String minutes(long seconds) {
        return seconds < 60 ? seconds + " s" : seconds / 60 + " min " + seconds % 60 + " s";
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
