package dev.spout.bench;

import dev.spout.bench.common.Args;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs every scenario against every peer, one after the other, with the same JVM flags, and writes {@code
 * docs/benchmarks.md} and {@code docs/benchmarks.png}.
 *
 * <pre>
 * java -jar spout-bench/target/spout-bench.jar run [--scenarios idle,fanout,fanout-max,max-streams,loops,http2,fanout-max-h2,
 *      fanout-tls,fanout-max-tls,fanout-max-h2-tls,redis,topics,cluster]
 *      [--peers spout,hub,spring-spout,spring-spout-jetty,spring-spout-lean,jetty,javalin,helidon,webflux,sseemitter,
 *      vertx,rawnio] [--quick]
 *      [--repeat 3] [--out DIR] [--dry-run] [--resume]
 * </pre>
 *
 * <p>A run saves where it stands after every step ({@link RunProgress}); one stopped (the machine was needed, the
 * session ended) goes on with the same command and {@code --resume}, on the same machine and build.
 */
final class Runner {
    /** The flags every server runs with, whatever its stack. */
    static final List<String> SERVER_JVM = List.of("-Xms256m", "-Xmx2g", "-XX:+UseG1GC");

    static final List<String> LOAD_JVM = List.of("-Xmx1g", "-XX:+UseG1GC");
    /**
     * The port of the server under test; the scenarios' other servers take the ports just above it (up to PORT + 110).
     * {@code -Dspout.bench.port=N} moves them all, so that a second run (another worktree's, say) cannot take the
     * first one's ports; two runs on one machine share its cores all the same, so figures are measured one at a time.
     */
    static final int PORT = Integer.getInteger("spout.bench.port", 18800);

    /**
     * The repository the runner belongs to, found from where its own classes are
     * ({@code <root>/spout-bench/target/spout-bench.jar} or {@code .../target/classes}), so that it finds the peers
     * and writes the report in the same place from whatever directory it is started; the working directory if it
     * cannot tell.
     */
    static final Path ROOT = repositoryRoot();

    static final String ALL_SCENARIOS = "idle,fanout,fanout-max,max-streams,loops,http2,fanout-max-h2,fanout-tls,"
            + "fanout-max-tls,fanout-max-h2-tls,redis,topics,cluster";
    /** Every peer, in the report's order: a run without {@code --peers} is a full one. */
    static final String ALL_PEERS = "spout,hub,spring-spout,spring-spout-jetty,spring-spout-lean,jetty,javalin,helidon,"
            + "webflux,sseemitter,vertx,rawnio";

    static final List<String> SPOUT_ONLY =
            List.of("loops", "http2", "fanout-max-h2", "fanout-max-h2-tls", "redis", "topics", "cluster");
    /** Spout's own scenarios that run in every round too: the figures the issue compares with HTTP/1.1's spread. */
    static final List<String> REPEATED_SPOUT_ONLY =
            List.of("http2", "fanout-max-h2", "fanout-max-h2-tls", ClusterScenario.NAME);

    final boolean quick;
    /** What the run measured so far: a new report, or a resumed run's ({@link RunProgress}). */
    Report report = new Report();
    /** The run's test certificate, made at the first TLS scenario. */
    final TlsRun tls = new TlsRun();

    private final PeerScenarios everyPeer = new PeerScenarios(this);
    private final SpoutScenarios spoutOnly = new SpoutScenarios(this);
    private final TopicScenarios topics = new TopicScenarios(this);
    private final ClusterScenario cluster = new ClusterScenario(this);

    Runner(boolean quick) {
        this.quick = quick;
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static void main(Args args) throws Exception {
        var runner = new Runner(args.flag("quick"));
        int repeat = args.integer("repeat", 3);
        if (repeat < 1 || repeat > 20) {
            throw new IllegalArgumentException("--repeat takes 1 to 20 runs, got " + repeat);
        }
        List<String> scenarios = args.list("scenarios", ALL_SCENARIOS);
        for (String scenario : scenarios) {
            if (!List.of(ALL_SCENARIOS.split(",")).contains(scenario)) {
                throw new IllegalArgumentException("Unknown scenario " + scenario + ": choose from " + ALL_SCENARIOS);
            }
        }
        List<Peer> peers = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String name : args.list("peers", ALL_PEERS)) {
            Peer peer = Peers.ALL.stream()
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
        List<RunPlan.Step> plan = new RunPlan(runner.quick).plan(scenarios, peers, repeat);
        Path progressFile = RunProgress.file(markdown);
        RunProgress progress =
                args.flag("resume") ? RunProgress.load(progressFile).resumable(plan, runner.quick) : null;
        int first = progress == null ? 0 : progress.done();
        if (progress != null) {
            System.err.printf(
                    "Resuming after step %d of %d, measured so far in %s%n", first, plan.size(), progressFile);
        }
        System.err.print(RunPlan.describe(plan.subList(first, plan.size()), missing, markdown, chart));
        if (args.flag("dry-run")) {
            return;
        }
        if (progress == null && Files.exists(progressFile)) {
            System.err.println("A run of this report was under way (" + progressFile + "): this one starts again;"
                    + " stop it and give --resume to go on with that one instead");
        }
        if (progress == null) {
            var command = new StringBuilder("java -jar spout-bench/target/spout-bench.jar run");
            args.options()
                    .forEach((name, value) ->
                            command.append(" --").append(name).append(value.equals("true") ? "" : " " + value));
            runner.report.setup(command.toString(), SERVER_JVM, LOAD_JVM, repeat);
            peers.forEach(peer -> runner.report.describePeer(peer.label(), Peers.HOW_WRITTEN.get(peer.name())));
            progress = RunProgress.start(plan, runner.quick, runner.report);
        } else {
            runner.report = ReportData.report(progress.report());
            runner.report.note(
                    "Resumed on " + java.time.LocalDateTime.now().toString().substring(0, 16)
                            + " after step " + first + " of " + plan.size() + ", on the same machine and build ("
                            + progress.build() + ").");
        }
        Files.createDirectories(out);
        progress.save(progressFile);
        // Stopped (Ctrl-C, SIGTERM), the step under way fails as its servers go: it must not be saved as done.
        var stopping = new java.util.concurrent.atomic.AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopping.set(true)));
        long started = System.nanoTime();
        long estimateLeft = plan.subList(first, plan.size()).stream()
                .mapToLong(RunPlan.Step::estimateSeconds)
                .sum();
        for (int i = first; i < plan.size(); i++) {
            RunPlan.Step step = plan.get(i);
            long elapsed = (System.nanoTime() - started) / 1_000_000_000;
            System.err.printf(
                    "== [%d/%d] %s / %s%s (%s elapsed, about %s left)%n",
                    i + 1,
                    plan.size(),
                    step.scenario(),
                    step.peer().label(),
                    repeat > 1 && RunPlan.repeats(step.scenario()) ? ", run " + step.round() + " of " + repeat : "",
                    RunPlan.minutes(elapsed),
                    RunPlan.minutes(estimateLeft));
            try {
                runner.run(step.scenario(), step.peer());
            } catch (Exception failure) {
                String why = "failed: "
                        + String.valueOf(failure.getMessage())
                                .lines()
                                .findFirst()
                                .orElse("");
                if (PeerScenarios.isOne(step.scenario())) {
                    runner.report.addRun(step.scenario(), step.peer().label(), new Report.Measured(Map.of(), why));
                } else {
                    runner.report.add(step.scenario(), step.peer().label(), Map.of(), why);
                }
                System.err.println("   failed: " + failure);
            }
            if (stopping.get()) {
                System.err.printf("Stopped during step %d: not counted; --resume runs it again%n", i + 1);
                return;
            }
            estimateLeft -= step.estimateSeconds();
            progress = progress.after(runner.report);
            progress.save(progressFile); // a run stopped now resumes at the next step
            boolean roundEnds = i + 1 < plan.size() && plan.get(i + 1).round() != step.round();
            if (roundEnds) { // a run cut short later still leaves the report of the rounds done
                Files.createDirectories(out);
                runner.report.write(markdown, chart);
                System.err.printf("Wrote %s after run %d of %d%n", markdown, step.round(), repeat);
            }
            Thread.sleep(2000); // let sockets in TIME_WAIT and the CPU settle between runs
        }
        runner.report.write(markdown, chart);
        Files.delete(progressFile); // the run is whole: nothing to resume
        System.err.printf(
                "Wrote %s and %s after %s%n",
                markdown, chart, RunPlan.minutes((System.nanoTime() - started) / 1_000_000_000));
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

    private void run(String scenario, Peer peer) throws Exception {
        if (PeerScenarios.isOne(scenario)) {
            report.addRun(scenario, peer.label(), everyPeer.run(scenario, peer));
            return;
        }
        switch (scenario) {
            case "loops" -> spoutOnly.loops(peer);
            case "http2" -> spoutOnly.http2(peer);
            case "fanout-max-h2" -> spoutOnly.fanoutMaxH2(peer, false);
            case "fanout-max-h2-tls" -> spoutOnly.fanoutMaxH2(peer, true);
            case "redis" -> spoutOnly.redis(peer);
            case "topics" -> topics.run(peer);
            case "cluster" -> cluster.run(peer);
            default -> throw new IllegalArgumentException("Unknown scenario " + scenario);
        }
    }

    List<String> load(String path, int connections, Duration warmup, Duration duration) {
        return load(path, connections, warmup, duration, false);
    }

    /** The NIO load generator's command; with {@code tls} over HTTPS, trusting the run's certificate. */
    List<String> load(String path, int connections, Duration warmup, Duration duration, boolean tls) {
        List<String> command = tool(
                LOAD_JVM,
                "load",
                "--url",
                TlsRun.scheme(tls) + "://127.0.0.1:" + PORT + path,
                "--connections",
                Integer.toString(connections),
                "--warmup",
                warmup.toMillis() + "ms",
                "--duration",
                duration.toMillis() + "ms",
                "--threads",
                "2");
        command.addAll(this.tls.loadFlags(tls));
        return command;
    }

    /** What a server's command adds for a TLS scenario (nothing in cleartext). */
    List<String> serverTls(boolean tls) {
        return this.tls.serverFlags(tls);
    }

    /** Notes what a TLS load's handshakes agreed, for the report. */
    void negotiated(String scenario, LoadProcess load) throws InterruptedException {
        tls.negotiated(report, scenario, load);
    }

    /** A command that runs one of spout-bench.jar's tools ({@code load}, {@code churn}, …) with these JVM flags. */
    static List<String> tool(List<String> jvm, String tool, String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(jvm);
        command.addAll(List.of("-jar", Peers.ALL.getFirst().jar().toString(), tool));
        command.addAll(List.of(arguments));
        return command;
    }

    Duration seconds(int full, int quickSeconds) {
        return Duration.ofSeconds(quick ? quickSeconds : full);
    }
}
