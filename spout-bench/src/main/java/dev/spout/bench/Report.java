package dev.spout.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The benchmark's results: each scenario's rows, one per peer (its runs as one row), with the machine, the command
 * and how each peer is written. Kept as data ({@link ReportData}, a JSON file beside the report) that a later run
 * adds to, and rendered as Markdown ({@link ReportMarkdown}) and a chart ({@link Chart}); the Markdown is never read
 * back.
 */
final class Report {
    record Row(
            String peer,
            Map<String, Object> values,
            @Nullable String note) {}

    /** What one run of a scenario measured on one peer. */
    record Measured(Map<String, Object> values, @Nullable String note) {}

    /**
     * The runs of one measure: shown as min / median / max; the chart and comparisons use the median. With one run,
     * just that value.
     */
    record Spread(double min, double median, double max, int runs) {
        static Spread of(List<Double> values) {
            List<Double> sorted = values.stream().sorted().toList();
            int n = sorted.size();
            double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
            return new Spread(sorted.getFirst(), median, sorted.getLast(), n);
        }

        @Override
        public String toString() {
            return runs == 1
                    ? ReportMarkdown.format(median)
                    : ReportMarkdown.format(min) + " / " + ReportMarkdown.format(median) + " / "
                            + ReportMarkdown.format(max);
        }
    }

    static final String KEPT = "*Kept from an earlier report: not run this time.*";
    static final String KEPT_ROW = "kept from the report of ";

    final Map<String, List<Row>> scenarios = new LinkedHashMap<>();
    private final Map<String, Map<String, List<Measured>>> runs = new LinkedHashMap<>();
    final Map<String, String> peers = new LinkedHashMap<>();
    final List<String> notes = new ArrayList<>();
    final Map<String, String> kept = new LinkedHashMap<>(); // a scenario not run this time: when and where it was
    String command = "";
    List<String> serverJvm = List.of();
    List<String> loadJvm = List.of();
    int repeat = 1;
    String generatedOn = LocalDateTime.now().toString().substring(0, 16);
    String measuredOn = ReportMarkdown.machine();

    void setup(String command, List<String> serverJvm, List<String> loadJvm, int repeat) {
        this.command = command;
        this.serverJvm = serverJvm;
        this.loadJvm = loadJvm;
        this.repeat = repeat;
    }

    /** Every run of the scenarios that aggregate runs, by scenario, then peer (or peer and setup): what a row sums. */
    Map<String, Map<String, List<Measured>>> runs() {
        return runs;
    }

    /** How a peer is written, for the report's list of peers. */
    void describePeer(String label, String how) {
        peers.put(label, how);
    }

    /**
     * One more run of a scenario that every peer runs; the report shows the runs of each peer as one row, every
     * measure as min / median / max.
     */
    synchronized void addRun(String scenario, String peer, Measured measured) {
        scenarios.computeIfAbsent(scenario, s -> new ArrayList<>());
        runs.computeIfAbsent(scenario, s -> new LinkedHashMap<>())
                .computeIfAbsent(peer, p -> new ArrayList<>())
                .add(measured);
        List<Row> rows = scenarios.get(scenario);
        rows.removeIf(row -> row.peer().equals(peer));
        rows.add(aggregate(peer, runs.get(scenario).get(peer)));
    }

    /**
     * One more run of one setup of a scenario with several rows per peer ({@code cluster}): the runs of each setup are
     * one row, its first column the setup, every measure as min / median / max.
     */
    synchronized void addRun(String scenario, String peer, String setup, Measured measured) {
        scenarios.computeIfAbsent(scenario, s -> new ArrayList<>());
        List<Measured> setupRuns = runs.computeIfAbsent(scenario, s -> new LinkedHashMap<>())
                .computeIfAbsent(peer + "\n" + setup, p -> new ArrayList<>());
        setupRuns.add(measured);
        Row aggregate = aggregate(peer, setupRuns);
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("setup", setup);
        values.putAll(aggregate.values());
        Row row = new Row(peer, values, aggregate.note());
        List<Row> rows = scenarios.get(scenario);
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).peer().equals(peer)
                    && setup.equals(rows.get(i).values().get("setup"))) {
                rows.set(i, row); // in its place: the rows keep the order of the first round
                return;
            }
        }
        rows.add(row);
    }

    /** The runs of a peer as one row: each measure's spread over the runs that have it, and their notes. */
    static Row aggregate(String peer, List<Measured> measured) {
        Set<String> columns = new LinkedHashSet<>();
        measured.forEach(m -> columns.addAll(m.values().keySet()));
        Map<String, Object> values = new LinkedHashMap<>();
        for (String column : columns) {
            List<Double> numbers = measured.stream()
                    .map(m -> m.values().get(column))
                    .filter(Number.class::isInstance)
                    .map(v -> ((Number) v).doubleValue())
                    .toList();
            if (!numbers.isEmpty()) {
                values.put(column, Spread.of(numbers));
            }
        }
        List<String> notes = new ArrayList<>();
        String first = measured.getFirst().note();
        if (measured.size() > 1 && first != null && measured.stream().allMatch(m -> first.equals(m.note()))) {
            return new Row(peer, values, first); // the same note every run: once
        }
        for (int i = 0; i < measured.size(); i++) {
            String note = measured.get(i).note();
            if (note != null && !note.isBlank()) {
                notes.add((measured.size() > 1 ? "run " + (i + 1) + ": " : "") + note);
            }
        }
        return new Row(peer, values, notes.isEmpty() ? null : String.join("; ", notes));
    }

    /** Under the chart: the machine, the date, the runs. */
    String subtitle() {
        return measuredOn + " · " + generatedOn + " · "
                + (repeat > 1 ? "each bar the median of " + repeat + " runs" : "one run each")
                + " · * written by hand on that stack";
    }

    /** A measure's value for comparisons and the chart: a number, or a spread's median; null if it has none. */
    static @Nullable Double median(@Nullable Object value) {
        return switch (value) {
            case Spread spread -> spread.median();
            case Number number -> number.doubleValue();
            case null, default -> null;
        };
    }

    void note(String note) {
        notes.add(note);
    }

    synchronized void add(String scenario, String peer, Map<String, Object> values, @Nullable String note) {
        scenarios.computeIfAbsent(scenario, s -> new ArrayList<>()).add(new Row(peer, values, note));
    }

    List<Row> rows(String scenario) {
        return scenarios.getOrDefault(scenario, List.of());
    }

    /** The data of the report at {@code markdown} ({@link ReportData#file}), so the chart can be drawn again. */
    static Report read(Path markdown) throws IOException {
        return ReportData.load(ReportData.file(markdown));
    }

    /**
     * Writes the report's data, its Markdown and its chart. What this run did not measure but the report already at
     * {@code markdown} has is kept, marked as kept ({@link #keep}).
     */
    void write(Path markdown, Path chart) throws IOException {
        Path data = ReportData.file(markdown);
        if (Files.exists(data)) {
            keep(ReportData.load(data));
        }
        ReportData.save(this, data);
        ReportMarkdown.write(this, markdown);
        Chart.write(this, chart);
    }

    /**
     * Keeps what the earlier report measured and this run did not: a scenario it did not run ({@code --scenarios
     * topics}) as it was, marked with when and where it was measured; in a scenario it ran, the rows of peers it did
     * not run ({@code --peers spring-spout}), each marked with that report's date and machine (figures from another
     * machine are not to be compared as if they were this one's), and those peers' descriptions. A run of a few
     * adds to the report rather than wiping the rest.
     */
    private void keep(Report previous) {
        String origin = previous.generatedOn + " (" + previous.measuredOn + ")";
        for (Map.Entry<String, List<Row>> scenario : scenarios.entrySet()) {
            Set<String> ran = new HashSet<>();
            scenario.getValue().forEach(row -> ran.add(row.peer()));
            // A scenario the earlier report had itself kept whole was measured when that one says, not when it ran.
            String measured = previous.kept.getOrDefault(scenario.getKey(), origin);
            for (Row row : previous.rows(scenario.getKey())) {
                if (!ran.contains(row.peer())) {
                    String mark = row.note() != null && row.note().contains(KEPT_ROW)
                            ? row.note()
                            : KEPT_ROW + measured + ": not run this time"
                                    + (row.note() == null ? "" : "; " + row.note());
                    scenario.getValue().add(new Row(row.peer(), row.values(), mark));
                }
            }
            scenario.getValue().sort(Comparator.comparingInt(row -> peerOrder(row.peer())));
        }
        for (Map.Entry<String, List<Row>> scenario : previous.scenarios.entrySet()) {
            if (!scenarios.containsKey(scenario.getKey())) {
                scenarios.put(scenario.getKey(), new ArrayList<>(scenario.getValue()));
                kept.put(scenario.getKey(), previous.kept.getOrDefault(scenario.getKey(), origin));
            }
        }
        previous.peers.forEach(peers::putIfAbsent);
    }

    /** The runner's order of the peers, by label; an unknown one last. */
    private static int peerOrder(String label) {
        for (int i = 0; i < Peers.ALL.size(); i++) {
            if (Peers.ALL.get(i).label().equals(label)) {
                return i;
            }
        }
        return Peers.ALL.size();
    }
}
