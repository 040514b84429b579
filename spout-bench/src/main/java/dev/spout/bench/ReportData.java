package dev.spout.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * A {@link Report} as data: a JSON file beside its Markdown ({@code benchmarks.json} for {@code benchmarks.md}), which
 * the next run adds to and the chart is drawn from. A measure is a number, a {@link Report.Spread} (an object with
 * {@code min}, {@code median}, {@code max} and {@code runs}) or a text.
 */
final class ReportData {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The file, as JSON. */
    record Stored(
            @Nullable String generatedOn,
            @Nullable String measuredOn,
            @Nullable String command,
            @Nullable List<String> serverJvm,
            @Nullable List<String> loadJvm,
            int repeat,
            @Nullable List<String> notes,
            @Nullable Map<String, String> peers,
            @Nullable Map<String, String> kept,
            @Nullable Map<String, List<StoredRow>> scenarios,
            @Nullable Map<String, Map<String, List<Report.Measured>>> runs) {}

    /** One row: a peer's measures, each a number, a spread or a text. */
    record StoredRow(
            String peer,
            Map<String, Object> values,
            @Nullable String note) {}

    private ReportData() {}

    /** The data file of the report at {@code markdown}. */
    static Path file(Path markdown) {
        String name = markdown.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return markdown.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".json");
    }

    static void save(Report report, Path file) throws IOException {
        writeWhole(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(stored(report)) + "\n");
    }

    /**
     * Writes the text to a file beside, then moves it into place in one step: a run stopped meanwhile leaves the old
     * file or the new one, never half of one that the next run could not read.
     */
    static void writeWhole(Path file, String text) throws IOException {
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        Files.writeString(partial, text, StandardCharsets.UTF_8);
        Files.move(
                partial,
                file,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    static Report load(Path file) throws IOException {
        return report(JSON.readValue(Files.readString(file, StandardCharsets.UTF_8), Stored.class));
    }

    /** The report as data: its rows, and every run that a row sums (so that a run resumed later adds to them). */
    static Stored stored(Report report) {
        Map<String, List<StoredRow>> scenarios = new LinkedHashMap<>();
        report.scenarios.forEach((scenario, rows) -> scenarios.put(
                scenario,
                rows.stream()
                        .map(row -> new StoredRow(row.peer(), row.values(), row.note()))
                        .toList()));
        var stored = new Stored(
                report.generatedOn,
                report.measuredOn,
                report.command,
                report.serverJvm,
                report.loadJvm,
                report.repeat,
                report.notes,
                report.peers,
                report.kept,
                scenarios,
                report.runs());
        return stored;
    }

    /** The report the data describes. */
    static Report report(Stored stored) {
        var report = new Report();
        if (stored.generatedOn() != null) {
            report.generatedOn = stored.generatedOn();
        }
        if (stored.measuredOn() != null) {
            report.measuredOn = stored.measuredOn();
        }
        report.setup(
                stored.command() == null ? "" : stored.command(),
                stored.serverJvm() == null ? List.of() : stored.serverJvm(),
                stored.loadJvm() == null ? List.of() : stored.loadJvm(),
                Math.max(1, stored.repeat()));
        if (stored.notes() != null) {
            report.notes.addAll(stored.notes());
        }
        if (stored.peers() != null) {
            report.peers.putAll(stored.peers());
        }
        if (stored.kept() != null) {
            report.kept.putAll(stored.kept());
        }
        if (stored.scenarios() != null) {
            stored.scenarios().forEach((scenario, rows) -> {
                List<Report.Row> read = new ArrayList<>();
                for (StoredRow row : rows) {
                    read.add(new Report.Row(row.peer(), measures(row.values()), row.note()));
                }
                report.scenarios.put(scenario, read);
            });
        }
        if (stored.runs() != null) {
            stored.runs()
                    .forEach((scenario, byPeer) -> byPeer.forEach((peer, measured) -> report.runs()
                            .computeIfAbsent(scenario, s -> new LinkedHashMap<>())
                            .put(
                                    peer,
                                    new ArrayList<>(measured.stream()
                                            .map(run -> new Report.Measured(measures(run.values()), run.note()))
                                            .toList()))));
        }
        return report;
    }

    private static Map<String, Object> measures(Map<String, Object> values) {
        Map<String, Object> read = new LinkedHashMap<>();
        values.forEach((measure, value) -> read.put(measure, measure(value)));
        return read;
    }

    /** A measure as the report holds it: numbers as doubles, spreads as {@link Report.Spread}s. */
    private static Object measure(Object value) {
        if (value instanceof Number number) {
            return number.doubleValue();
        }
        if (value instanceof Map<?, ?> spread && spread.get("median") instanceof Number median) {
            return new Report.Spread(
                    number(spread.get("min"), median),
                    median.doubleValue(),
                    number(spread.get("max"), median),
                    spread.get("runs") instanceof Number runs ? runs.intValue() : 1);
        }
        return value;
    }

    private static double number(@Nullable Object value, Number otherwise) {
        return value instanceof Number number ? number.doubleValue() : otherwise.doubleValue();
    }
}
