package dev.spout.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run stopped and resumed is the same run: what it measured comes back whole (every run of every row, so the next
 * rounds add to them), and it resumes only with the same plan, on the same build and machine.
 */
class RunProgressTest {
    static final String BUILD = "0123456789abcdef0123456789abcdef01234567";
    static final String MACHINE = "2 cores (Some CPU), Linux 6.1, JDK 25";

    static final Peer SPOUT = Peers.ALL.getFirst();

    static List<RunPlan.Step> plan() {
        return List.of(
                new RunPlan.Step("fanout", SPOUT, 1, 37),
                new RunPlan.Step("fanout", SPOUT, 2, 37),
                new RunPlan.Step("fanout", SPOUT, 3, 37));
    }

    static RunProgress twoStepsDone(Report report) {
        var started = new RunProgress(
                List.of("1 fanout spout", "2 fanout spout", "3 fanout spout"),
                false,
                BUILD,
                MACHINE,
                0,
                ReportData.stored(report));
        report.addRun("fanout", "Spout", new Report.Measured(Map.of("deliveries/s", 200_000.0), null));
        var one = started.after(report);
        report.addRun("fanout", "Spout", new Report.Measured(Map.of("deliveries/s", 190_000.0), "a note"));
        return one.after(report);
    }

    @Test
    void aResumedRunGoesOnFromTheNextStepAndItsRowsAddTheRunsToCome(@TempDir Path dir) throws Exception {
        var report = new Report();
        report.setup("java -jar spout-bench/target/spout-bench.jar run --scenarios fanout", List.of(), List.of(), 3);
        Path file = RunProgress.file(dir.resolve("benchmarks.md"));
        twoStepsDone(report).save(file);

        RunProgress resumed = RunProgress.load(file).resumable(plan(), false, BUILD, MACHINE);
        assertThat(resumed.done()).isEqualTo(2);
        Report again = ReportData.report(resumed.report());
        assertThat(again.command).isEqualTo(report.command);
        again.addRun("fanout", "Spout", new Report.Measured(Map.of("deliveries/s", 210_000.0), null));
        assertThat(again.rows("fanout")).singleElement().satisfies(row -> {
            assertThat(row.values().get("deliveries/s")).isEqualTo(new Report.Spread(190_000, 200_000, 210_000, 3));
            assertThat(row.note()).isEqualTo("run 2: a note");
        });
        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .as("written whole, through a file moved into place")
                    .containsExactly("benchmarks-run.json");
        }
    }

    @Test
    void aRunResumesOnlyWithItsPlanBuildAndMachine(@TempDir Path dir) throws Exception {
        RunProgress progress = twoStepsDone(new Report());
        List<RunPlan.Step> otherPlan = plan().subList(0, 2);

        assertThatThrownBy(() -> progress.resumable(otherPlan, false, BUILD, MACHINE))
                .hasMessageContaining("Cannot resume this run: the plan");
        assertThatThrownBy(() -> progress.resumable(plan(), true, BUILD, MACHINE))
                .hasMessageContaining("the plan");
        assertThatThrownBy(() -> progress.resumable(plan(), false, "fedcba" + BUILD.substring(6), MACHINE))
                .hasMessageContaining("the build (the run measured commit " + BUILD);
        assertThatThrownBy(() -> progress.resumable(plan(), false, BUILD + RunProgress.DIRTY, MACHINE))
                .hasMessageContaining("uncommitted changes");
        assertThatThrownBy(() -> progress.resumable(plan(), false, BUILD, "2 cores (Another CPU), Linux 6.1, JDK 25"))
                .hasMessageContaining("the machine (the run measured on " + MACHINE);
        assertThatThrownBy(() -> RunProgress.load(dir.resolve("benchmarks-run.json")))
                .hasMessageStartingWith("Nothing to resume");
    }
}
