package dev.spout.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report's arithmetic and its plain words: spreads of repeated runs, no zero for a missing figure. */
class ReportTest {

    private static Report.Measured run(double deliveries, double p99) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("deliveries/s", deliveries);
        values.put("p99 ms", p99);
        return new Report.Measured(values, null);
    }

    @Test
    void repeatedRunsOfAPeerAreOneRowOfMinMedianMax() {
        var report = new Report();
        report.addRun("fanout", "Spout", run(200_000, 30));
        report.addRun("fanout", "Jetty", run(90_000, 16_000));
        report.addRun("fanout", "Spout", run(199_000, 27));
        report.addRun("fanout", "Spout", run(201_000, 35));
        List<Report.Row> rows = report.rows("fanout");
        assertThat(rows).extracting(Report.Row::peer).containsExactly("Jetty", "Spout");
        var spout = rows.get(1).values();
        assertThat(spout.get("p99 ms")).isEqualTo(new Report.Spread(27, 30, 35, 3));
        assertThat(ReportMarkdown.format(spout.get("deliveries/s"))).isEqualTo("199,000 / 200,000 / 201,000");
        assertThat(Report.median(spout.get("p99 ms"))).isEqualTo(30.0);
        assertThat(Report.median("27.00 / 30.00 / 35.00"))
                .as("a text is not a figure")
                .isNull();
        assertThat(Report.Spread.of(List.of(1.0, 4.0)).median()).isEqualTo(2.5);
    }

    @Test
    void aScenarioOfSeveralSetupsHasARowPerSetupEachOfItsRuns() {
        var report = new Report();
        report.addRun("cluster", "Spout", "broadcast", run(10_000, 30));
        report.addRun("cluster", "Spout", "broadcast: the model", run(10_000, 0));
        report.addRun("cluster", "Spout", "broadcast", run(9_000, 50));
        report.addRun("cluster", "Spout", "broadcast", new Report.Measured(Map.of(), "failed: Redis down"));
        List<Report.Row> rows = report.rows("cluster");
        assertThat(rows)
                .as("in the order of the first round")
                .extracting(row -> row.values().get("setup"))
                .containsExactly("broadcast", "broadcast: the model");
        assertThat(rows.getFirst().values().get("deliveries/s")).isEqualTo(new Report.Spread(9_000, 9_500, 10_000, 2));
        assertThat(rows.getFirst().note()).isEqualTo("run 3: failed: Redis down");
        assertThat(rows.get(1).values().get("p99 ms")).isEqualTo(new Report.Spread(0, 0, 0, 1));
        report.addRun("cluster", "Spout", "per user", new Report.Measured(Map.of(), "inputs: the idle row"));
        report.addRun("cluster", "Spout", "per user", new Report.Measured(Map.of(), "inputs: the idle row"));
        assertThat(report.rows("cluster").get(2).note())
                .as("the same every run: once")
                .isEqualTo("inputs: the idle row");
    }

    @Test
    void aPeerWithoutAFigureHasNoneRatherThanZeroAndItsNotesSayWhy() {
        var row = Report.aggregate(
                "Javalin 7",
                List.of(
                        new Report.Measured(Map.of(), "no step held; stopped at 50 events/s"),
                        new Report.Measured(Map.of("max deliveries/s", 50_000.0), "stopped at 100 events/s")));
        assertThat(row.values().get("max deliveries/s")).isEqualTo(new Report.Spread(50_000, 50_000, 50_000, 1));
        assertThat(row.note()).isEqualTo("run 1: no step held; stopped at 50 events/s; run 2: stopped at 100 events/s");
        assertThat(Report.median(null)).isNull();
    }

    @Test
    void theReportAndItsChartAreWrittenAndReadBack(@TempDir Path dir) throws Exception {
        var report = new Report();
        report.setup("run --quick", List.of("-Xmx2g"), List.of("-Xmx1g"), 2);
        report.describePeer("Spout", "its bench server");
        report.addRun("fanout", "Spout", run(200_000, 30));
        report.addRun("fanout", "Spout", run(190_000, 20));
        report.addRun("fanout-max", "Javalin 7", new Report.Measured(Map.of(), "no step held"));
        Path md = dir.resolve("benchmarks.md");
        Path png = dir.resolve("benchmarks.png");
        report.write(md, png);
        String text = Files.readString(md);
        assertThat(text)
                .contains("**min / median / max**")
                .contains("## How each peer is written")
                .contains("- **Spout**: its bench server")
                .contains("| Spout | 190,000 / 195,000 / 200,000 | 20 / 25 / 30 |")
                .doesNotContain("Infinity")
                .doesNotContain("NaN");
        assertThat(ImageIO.read(png.toFile()).getWidth()).isGreaterThan(1000);
        Files.delete(md); // the data beside it is what is read back, never the Markdown
        var again = Report.read(md);
        assertThat(again.rows("fanout").getFirst().values().get("p99 ms")).isEqualTo(new Report.Spread(20, 25, 30, 2));
        assertThat(again.rows("fanout-max").getFirst().note()).isEqualTo("no step held");
        assertThat(again.subtitle()).isEqualTo(report.subtitle());
    }

    @Test
    void aRunOfSomeScenariosKeepsTheOthersAsTheyWere(@TempDir Path dir) throws Exception {
        Path md = dir.resolve("benchmarks.md");
        Path png = dir.resolve("benchmarks.png");
        var first = new Report();
        first.setup("run", List.of(), List.of(), 1);
        first.addRun("fanout", "Spout", run(200_000, 30));
        first.add("topics", "Spout", Map.of("deliveries/s", 10_000.0), "hand-checked");
        first.write(md, png);

        var second = new Report();
        second.setup("run --scenarios fanout", List.of(), List.of(), 1);
        second.addRun("fanout", "Spout", run(150_000, 40));
        second.write(md, png);
        String text = Files.readString(md);
        assertThat(text).contains("| Spout | 150,000 | 40 |").doesNotContain("200,000");
        assertThat(text).contains("## topics\n\n" + Report.KEPT).contains("hand-checked");
        assertThat(text.indexOf("## fanout")).isLessThan(text.indexOf("## topics"));

        var third = new Report(); // kept twice: marked once
        third.setup("run --scenarios fanout", List.of(), List.of(), 1);
        third.addRun("fanout", "Spout", run(150_000, 40));
        third.write(md, png);
        String again = Files.readString(md);
        assertThat(again.indexOf(Report.KEPT)).isEqualTo(again.lastIndexOf(Report.KEPT));
    }

    @Test
    void rowsOfAScenarioKeptWholeAreMarkedWithTheDateTheyWereMeasured(@TempDir Path dir) throws Exception {
        Path md = dir.resolve("benchmarks.md");
        Path png = dir.resolve("benchmarks.png");
        var first = new Report();
        first.setup("run --scenarios fanout-max", List.of(), List.of(), 1);
        first.generatedOn = "2026-12-01T08:00";
        first.addRun("fanout-max", "Spout", run(1_600_000, 16));
        first.write(md, png);
        var second = new Report(); // fanout-max kept whole
        second.setup("run --scenarios idle", List.of(), List.of(), 1);
        second.generatedOn = "2026-12-02T09:00";
        second.addRun("idle", "Spout", run(10_000, 1));
        second.write(md, png);
        var third = new Report(); // fanout-max again, another peer only
        third.setup("run --peers hub --scenarios fanout-max", List.of(), List.of(), 1);
        third.generatedOn = "2026-12-03T10:00";
        third.addRun("fanout-max", "Spout's Mercure hub", run(800_000, 40));
        third.write(md, png);
        assertThat(Files.readString(md))
                .contains("| Spout | 1,600,000 | 16 | " + Report.KEPT_ROW + "2026-12-01T08:00")
                .doesNotContain(Report.KEPT_ROW + "2026-12-02T09:00");
    }

    @Test
    void aRunOfSomePeersKeepsTheOtherPeersRowsMarkedWithTheirDate(@TempDir Path dir) throws Exception {
        Path md = dir.resolve("benchmarks.md");
        Path png = dir.resolve("benchmarks.png");
        var first = new Report();
        first.setup("run", List.of(), List.of(), 1);
        first.describePeer("Spout", "its bench server");
        first.describePeer("Javalin 7", "a virtual thread per client");
        first.addRun("fanout", "Spout", run(200_000, 30));
        first.addRun("fanout", "Javalin 7", run(50_000, 6_000));
        first.write(md, png);

        var second = new Report();
        second.setup("run --peers spring-spout", List.of(), List.of(), 1);
        second.describePeer("Spout in Spring Boot (Tomcat)", "the starter");
        second.addRun("fanout", "Spout in Spring Boot (Tomcat)", run(190_000, 35));
        second.write(md, png);
        String text = Files.readString(md);
        assertThat(text)
                .contains("| Spout in Spring Boot (Tomcat) | 190,000 | 35 |")
                .contains("| Spout | 200,000 | 30 | " + Report.KEPT_ROW)
                .contains("| Javalin 7 | 50,000 | 6,000 | " + Report.KEPT_ROW)
                .contains("- **Javalin 7**: a virtual thread per client")
                .containsPattern(
                        "\\| Javalin 7 \\| 50,000 \\| 6,000 \\| kept from the report of [^|]+ \\(\\d+ cores? \\([^|]+\\): not run")
                .contains("- **Spout in Spring Boot (Tomcat)**: the starter");
        assertThat(text.indexOf("| Spout |"))
                .as("in the runner's order of the peers")
                .isLessThan(text.indexOf("| Spout in Spring Boot"));

        var third = new Report(); // kept twice: marked once
        third.setup("run --peers spring-spout", List.of(), List.of(), 1);
        third.addRun("fanout", "Spout in Spring Boot (Tomcat)", run(180_000, 36));
        third.write(md, png);
        String again = Files.readString(md);
        assertThat(again.split(Report.KEPT_ROW, -1)).hasSize(3);
    }
}
