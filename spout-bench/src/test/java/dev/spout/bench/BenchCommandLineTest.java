package dev.spout.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bench's command line: help everywhere, unknown options refused, a runner that says what it will do first. */
class BenchCommandLineTest {
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private PrintStream savedErr;
    private PrintStream savedOut;

    @BeforeEach
    void capture() {
        savedErr = System.err;
        savedOut = System.out;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setErr(savedErr);
        System.setOut(savedOut);
    }

    private String printed() {
        return out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void runHelpPrintsTheOptionsAndRunsNothing(@TempDir Path dir) {
        assertThat(Main.execute("run", "--help", "--out", dir.toString())).isZero();
        assertThat(printed()).contains("Usage: spout-bench run", "--scenarios", "--peers", "--out", "--dry-run");
        assertThat(printed()).doesNotContain("Plan:");
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void aRunWrittenElsewhereIsMergedIntoTheReportAndTheRestIsKept(@TempDir Path dir) throws Exception {
        var docs = Files.createDirectories(dir.resolve("docs"));
        var elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        var earlier = new Report();
        earlier.setup("run --scenarios idle", List.of("-Xmx2g"), List.of("-Xmx1g"), 1);
        earlier.addRun("idle", "Spout", new Report.Measured(Map.of("heap KiB/stream", 1.7), null));
        earlier.write(docs.resolve("benchmarks.md"), docs.resolve("benchmarks.png"));
        var run = new Report();
        run.setup("run --scenarios fanout-tls", List.of("-Xmx2g"), List.of("-Xmx1g"), 1);
        run.addRun("fanout-tls", "Spout", new Report.Measured(Map.of("p99 ms", 34.5), null));
        run.write(elsewhere.resolve("benchmarks.md"), elsewhere.resolve("benchmarks.png"));

        assertThat(Main.execute(
                        "merge",
                        "--from",
                        elsewhere.resolve("benchmarks.md").toString(),
                        "--report",
                        docs.resolve("benchmarks.md").toString()))
                .isZero();
        Report merged = Report.read(docs.resolve("benchmarks.md"));
        assertThat(merged.rows("fanout-tls")).extracting(Report.Row::peer).containsExactly("Spout");
        assertThat(merged.rows("idle")).as("kept").extracting(Report.Row::peer).containsExactly("Spout");
        assertThat(Files.readString(docs.resolve("benchmarks.md"))).contains("## fanout-tls", Report.KEPT);

        assertThat(Main.execute("merge", "--from", dir.resolve("nothing.md").toString()))
                .as("no report there: a usage error, nothing written")
                .isEqualTo(2);
        assertThat(printed()).contains("No report data at");
    }

    @Test
    void everyCommandAnswersHelp() {
        for (String command :
                new String[] {"server", "load", "load-h2", "resume-probe", "churn", "run", "chart", "merge", "capacity"
                }) {
            out.reset();
            assertThat(Main.execute(command, "--help")).as(command).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).as(command).startsWith("Usage: spout-bench " + command);
        }
        assertThat(Main.execute("--help")).isZero();
        assertThat(printed()).contains("server", "load", "run", "chart", "jmh");
    }

    @Test
    void unknownOptionsAndBadValuesAreUsageErrors() {
        assertThat(Main.execute("run", "--bogus")).isEqualTo(2);
        assertThat(printed()).contains("spout-bench: Unknown option: '--bogus'", "run --help");
        assertThat(Main.execute("server", "--port", "eighty")).isEqualTo(2);
        assertThat(Main.execute("run", "--dry-run", "--scenarios", "nonsense")).isEqualTo(2);
        assertThat(printed()).contains("Unknown scenario nonsense");
        assertThat(Main.execute("frobnicate")).isEqualTo(2);
        assertThat(Main.execute()).isEqualTo(2);
    }

    @Test
    void theRunnerPrintsItsPlanEstimateAndWhereTheReportGoes(@TempDir Path dir) throws Exception {
        Path reportDir = dir.resolve("report");
        assertThat(Main.execute(
                        "run", "--dry-run", "--quick", "--scenarios", "idle,topics", "--out", reportDir.toString()))
                .isZero();
        assertThat(printed())
                .contains("Plan: ")
                .containsPattern("About \\d+( min \\d+)? s in all")
                .contains("the report goes to " + reportDir.resolve("benchmarks.md"))
                .contains("chart to " + reportDir.resolve("benchmarks.png"));
        assertThat(Files.exists(reportDir)).as("a dry run writes nothing").isFalse();
    }

    @Test
    void thePlanRunsSpoutsOwnScenariosOnSpoutOnlyAndEstimatesEachRun() {
        var runner = new RunPlan(false);
        Peer spout = Peers.ALL.get(0);
        Peer jetty = Peers.ALL.stream()
                .filter(peer -> peer.name().equals("jetty"))
                .findFirst()
                .orElseThrow();
        Peer hub = Peers.ALL.stream()
                .filter(peer -> peer.name().equals("hub"))
                .findFirst()
                .orElseThrow();
        var plan = runner.plan(
                java.util.List.of("idle", "topics", "redis", "cluster"), java.util.List.of(spout, jetty, hub), 2);
        assertThat(plan)
                .as("every peer's scenarios in rounds, Spout's own once but the cluster's rounds, of them the hub's"
                        + " Redis nodes alone")
                .extracting(step ->
                        step.round() + ":" + step.scenario() + "/" + step.peer().name())
                .containsExactly(
                        "1:idle/spout",
                        "1:idle/jetty",
                        "1:idle/hub",
                        "1:topics/spout",
                        "1:redis/spout",
                        "1:redis/hub",
                        "1:cluster/spout",
                        "2:idle/spout",
                        "2:idle/jetty",
                        "2:idle/hub",
                        "2:cluster/spout");
        assertThat(plan).allSatisfy(step -> assertThat(step.estimateSeconds()).isPositive());
        assertThat(RunPlan.describe(plan, java.util.List.of(), Path.of("r.md"), Path.of("r.png")))
                .contains("Plan: 11 runs")
                .contains("the report goes to r.md and its chart to r.png");
    }

    @Test
    void theTlsScenariosRunOnSpoutAndTheFloorOnlyAndInEveryRound() {
        var runner = new RunPlan(false);
        java.util.List<Peer> peers = Peers.ALL.stream()
                .filter(peer ->
                        java.util.List.of("spout", "hub", "jetty", "rawnio").contains(peer.name()))
                .toList();
        var plan = runner.plan(java.util.List.of("fanout-tls", "fanout-max-tls", "fanout-max-h2-tls"), peers, 2);
        assertThat(plan)
                .extracting(step ->
                        step.round() + ":" + step.scenario() + "/" + step.peer().name())
                .containsExactly(
                        "1:fanout-tls/spout",
                        "1:fanout-tls/rawnio",
                        "1:fanout-max-tls/spout",
                        "1:fanout-max-tls/rawnio",
                        "1:fanout-max-h2-tls/spout",
                        "2:fanout-tls/spout",
                        "2:fanout-tls/rawnio",
                        "2:fanout-max-tls/spout",
                        "2:fanout-max-tls/rawnio",
                        "2:fanout-max-h2-tls/spout");
        assertThat(plan).allSatisfy(step -> assertThat(step.estimateSeconds()).isPositive());
        assertThat(Main.execute(
                        "run",
                        "--dry-run",
                        "--scenarios",
                        "fanout-tls,fanout-max-tls,fanout-max-h2-tls",
                        "--peers",
                        "spout,rawnio"))
                .isZero();
    }

    @Test
    void theRunnerFindsTheRepositoryFromItsOwnClasses() {
        assertThat(Runner.ROOT.resolve("spout-bench/pom.xml")).exists();
    }
}
