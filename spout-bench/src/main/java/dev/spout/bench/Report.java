package dev.spout.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The benchmark's results as Markdown tables, with the machine and the command, and a chart. */
final class Report {
    record Row(String peer, Map<String, Object> values, String note) {}

    /** What one run of a scenario measured on one peer. */
    record Measured(Map<String, Object> values, String note) {}

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
            return runs == 1 ? format(median) : format(min) + " / " + format(median) + " / " + format(max);
        }
    }

    private final Map<String, List<Row>> scenarios = new LinkedHashMap<>();
    private final Map<String, Map<String, List<Measured>>> runs = new LinkedHashMap<>();
    private final Map<String, String> peers = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();
    private String command = "";
    private List<String> serverJvm = List.of();
    private List<String> loadJvm = List.of();
    private int repeat = 1;
    private String generatedOn = LocalDateTime.now().toLocalDate().toString();
    private String measuredOn = machine();

    void setup(String command, List<String> serverJvm, List<String> loadJvm, int repeat) {
        this.command = command;
        this.serverJvm = serverJvm;
        this.loadJvm = loadJvm;
        this.repeat = repeat;
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
    static Double median(Object value) {
        return switch (value) {
            case null -> null;
            case Spread spread -> spread.median();
            case Number number -> number.doubleValue();
            case String text
            when text.contains(" / ") -> {
                String[] parts = text.split(" / ");
                Object middle = number(parts[1]);
                yield middle instanceof Double d ? d : null;
            }
            default -> null;
        };
    }

    void note(String note) {
        notes.add(note);
    }

    synchronized void add(String scenario, String peer, Map<String, Object> values, String note) {
        scenarios.computeIfAbsent(scenario, s -> new ArrayList<>()).add(new Row(peer, values, note));
    }

    /**
     * The tables of a report this class wrote, read back (numbers as doubles), so that the chart can be drawn
     * again without running the benchmark again.
     */
    static Report read(Path markdown) throws IOException {
        var report = new Report();
        String scenario = null;
        List<String> columns = List.of();
        for (String line : Files.readAllLines(markdown, StandardCharsets.UTF_8)) {
            if (line.startsWith("Generated by ") && line.contains("` on ")) {
                report.generatedOn = line.substring(line.lastIndexOf("` on ") + 5)
                        .replace(".", "")
                        .trim();
            } else if (line.startsWith("Machine: ")) {
                report.measuredOn = line.substring(
                        "Machine: ".length(), line.indexOf(". ") > 0 ? line.indexOf(". ") : line.length());
            } else if (line.contains("ran ") && line.contains(" times, in rounds")) {
                String after = line.substring(line.indexOf("ran ") + 4);
                report.repeat = Integer.parseInt(after.substring(0, after.indexOf(' ')));
            } else if (line.startsWith("## ")) {
                scenario = line.substring(3).trim();
                columns = List.of();
            } else if ("How each peer is written".equals(scenario)
                    && line.startsWith("- **")
                    && line.contains("**: ")) {
                int end = line.indexOf("**: ");
                report.peers.put(line.substring(4, end), line.substring(end + 4));
            } else if (scenario != null && line.startsWith("| stack |")) {
                columns = cells(line);
            } else if (scenario != null && line.startsWith("| ") && !columns.isEmpty()) {
                List<String> cells = cells(line);
                Map<String, Object> values = new LinkedHashMap<>();
                for (int i = 1; i < columns.size() - 1 && i < cells.size(); i++) {
                    String cell = cells.get(i);
                    if (!cell.isEmpty()) {
                        values.put(columns.get(i), number(cell));
                    }
                }
                String note = cells.size() == columns.size() ? cells.getLast() : "";
                report.add(scenario, cells.getFirst(), values, note.isEmpty() ? null : note);
            }
        }
        return report;
    }

    /** The text under each "## " heading of a report, by heading, up to the next heading (trimmed, ending in \\n). */
    static Map<String, String> sections(String markdown) {
        Map<String, String> sections = new LinkedHashMap<>();
        String heading = null;
        var text = new StringBuilder();
        for (String line : markdown.split("\n", -1)) {
            if (line.startsWith("## ")) {
                if (heading != null) {
                    sections.put(heading, text.toString().strip() + "\n");
                }
                heading = line.substring(3).trim();
                text.setLength(0);
            } else if (heading != null) {
                text.append(line).append('\n');
            }
        }
        if (heading != null) {
            sections.put(heading, text.toString().strip() + "\n");
        }
        return sections;
    }

    private static List<String> cells(String row) {
        String inner = row.strip();
        inner = inner.substring(1, inner.length() - 1);
        List<String> cells = new ArrayList<>();
        for (String cell : inner.split("\\|", -1)) {
            cells.add(cell.strip());
        }
        return cells;
    }

    private static Object number(String cell) {
        try {
            return Double.parseDouble(cell.replace(",", ""));
        } catch (NumberFormatException notANumber) {
            return cell;
        }
    }

    List<Row> rows(String scenario) {
        return scenarios.getOrDefault(scenario, List.of());
    }

    /** The scenarios in the order the report shows them. */
    static final List<String> ORDER =
            List.of("idle", "fanout", "fanout-max", "max-streams", "loops", "http2", "redis", "topics");

    /** What the tables cannot say by themselves. */
    static final String READING = """

            **Reading the figures.** A peer that writes every event to every client with a write of its own (the unit its
            API offers: Jetty's `Response.write` by hand, Vert.x's `HttpServerResponse.write`) makes 200,000 writes a
            second in `fanout`; on two cores shared with the load generator that is more than they get through, so
            their latency grows for the whole run. Spout and the NIO floor write all of a client's pending events at
            once. A virtual thread per subscriber (Javalin, Helidon) keeps a blocking API from holding everyone up,
            and costs a thread stack per idle stream (`idle`, `max-streams`). WebFlux's best-effort multicast sink drops
            events for a subscriber that is behind: they show as `gaps`. In `fanout-max` a step can deliver more than
            it offered (over 100%): a server behind at the end of the warm-up delivers its backlog inside the measured
            window; that step fails on its latency anyway.

            **Spout in Spring Boot.** Spout inside Spring Boot is the same engine as Spout on its own server,
            writing through the Servlet API: every write goes through the container's response buffer and its
            `isReady()` / `onWritePossible` handshake instead of straight to the connection (Tomcat asks `isReady`
            again inside each `write` and `flush`), and an open stream keeps the container's request and response, and
            their buffers, for as long as it lasts, where Spout's own server lets go of Jetty's request once the headers
            are out. The difference between the `Spout` row and the two Spring rows (the same application and jar on
            Tomcat and on Jetty) is what that costs. On Tomcat an idle stream costs what Tomcat keeps for an open
            connection, which the plain `SseEmitter` peer on the same Tomcat pays too (a heap histogram of 2,000 idle
            streams: its NIO channel's read and write buffers, the HTTP/1.1 input and header buffers, the request's
            and response's byte buffers and their 8,192-char buffers, all held while the connection is open, none of
            them Spout's to release through the Servlet API); `spring-spout-lean` shows what Tomcat's socket-buffer
            settings take back. A profile of `fanout` on Tomcat finds the fan-out threads' time in Tomcat's calls,
            most of it at the first touch of each connection's objects in a pass: Tomcat's per-connection state is
            large, so each write begins with cache misses. Tomcat's connection limit (8,192 by default) is lifted for
            the Tomcat peers, and every Spring Boot peer's accept queue is 4,096, as on Spout's own server (Tomcat's
            100 and Jetty's 50 refused bursts of opens in `max-streams`).
            """;

    static final String KEPT = "*Kept from an earlier report: not run this time.*";
    static final String KEPT_ROW = "kept from the report of ";

    /**
     * In a scenario this run measured, the rows of peers it did not run ({@code --peers spring-spout,sseemitter})
     * are kept from the earlier report, each marked with that report's date and machine (figures from another
     * machine are not to be compared as if they were this one's), and so are those peers' descriptions: a run of a
     * few peers adds to the tables rather than wiping the others' figures.
     */
    private void keepOtherPeers(Report previous) {
        for (Map.Entry<String, List<Row>> scenario : scenarios.entrySet()) {
            Set<String> ran = new java.util.HashSet<>();
            scenario.getValue().forEach(row -> ran.add(row.peer()));
            for (Row row : previous.rows(scenario.getKey())) {
                if (!ran.contains(row.peer())) {
                    String mark = row.note() != null && row.note().contains(KEPT_ROW)
                            ? row.note()
                            : KEPT_ROW + previous.generatedOn + " (" + previous.measuredOn + "): not run this time"
                                    + (row.note() == null ? "" : "; " + row.note());
                    scenario.getValue().add(new Row(row.peer(), row.values(), mark));
                }
            }
            scenario.getValue().sort(java.util.Comparator.comparingInt(row -> peerOrder(row.peer())));
        }
        previous.peers.forEach(peers::putIfAbsent);
    }

    /** The runner's order of the peers, by label; an unknown one last. */
    private static int peerOrder(String label) {
        for (int i = 0; i < Runner.PEERS.size(); i++) {
            if (Runner.PEERS.get(i).label().equals(label)) {
                return i;
            }
        }
        return Runner.PEERS.size();
    }

    /**
     * Writes the report and its chart. A scenario that this run did not measure but the report already at {@code
     * markdown} has is kept as it was, marked as kept (and its rows still drawn), so that a run of a few scenarios
     * ({@code --scenarios topics}) does not wipe the others.
     */
    void write(Path markdown, Path chart) throws IOException {
        Map<String, String> kept = new LinkedHashMap<>();
        if (Files.exists(markdown)) {
            Report previous = read(markdown);
            Map<String, String> blocks = sections(Files.readString(markdown, StandardCharsets.UTF_8));
            keepOtherPeers(previous);
            for (String scenario : ORDER) {
                if (!scenarios.containsKey(scenario) && blocks.containsKey(scenario)) {
                    String block = blocks.get(scenario);
                    kept.put(scenario, block.contains(KEPT) ? block : KEPT + "\n\n" + block);
                    scenarios.put(scenario, new ArrayList<>(previous.rows(scenario)));
                }
            }
        }
        var md = new StringBuilder();
        md.append("# Benchmarks\n\n")
                .append("Generated by `")
                .append(command)
                .append("` on ")
                .append(LocalDateTime.now()
                        .format(DateTimeFormatter.ISO_LOCAL_DATE_TIME.withLocale(Locale.ROOT))
                        .substring(0, 16))
                .append(".\n\n")
                .append("Machine: ")
                .append(machine())
                .append(". Server and load generator share it; all traffic is on loopback.\n")
                .append("Every server runs with `")
                .append(String.join(" ", serverJvm))
                .append("`; the load generator (plain NIO, two ")
                .append("selector threads, HdrHistogram) with `")
                .append(String.join(" ", loadJvm))
                .append("`. Latency is measured ")
                .append("from each event's intended publish time (no coordinated omission).\n\n")
                .append(
                        repeat > 1
                                ? "The scenarios of every peer (idle, fanout, fanout-max, max-streams) ran " + repeat
                                        + " times, in rounds (each peer once, then again); each cell is **min / median /"
                                        + " max** of the runs, and the chart shows the medians. Server and load generator"
                                        + " share two cores, so runs differ: compare medians, and read a difference smaller"
                                        + " than the spread as none.\n\n"
                                : "Each scenario ran once: a figure from one run on a shared machine is noisy.\n\n")
                .append("![deliveries per second, p99 latency and memory per stream](benchmarks.png)\n\n");
        for (String note : notes) {
            md.append("- ").append(note).append('\n');
        }
        if (!peers.isEmpty()) {
            md.append("\n## How each peer is written\n\n")
                    .append("Every peer does the same job (the bench server's contract: `GET /sse` streams one topic,"
                            + " events published by the same publisher code at the same rate) the fastest way its"
                            + " own documentation supports, with the same JVM flags.\n\n");
            peers.forEach((label, how) ->
                    md.append("- **").append(label).append("**: ").append(how).append('\n'));
            md.append(READING);
        }
        List<Map.Entry<String, List<Row>>> ordered = new ArrayList<>(scenarios.entrySet());
        ordered.sort(
                java.util.Comparator.comparingInt(e -> ORDER.contains(e.getKey()) ? ORDER.indexOf(e.getKey()) : 99));
        for (Map.Entry<String, List<Row>> scenario : ordered) {
            if (kept.containsKey(scenario.getKey())) {
                md.append("\n## ").append(scenario.getKey()).append("\n\n").append(kept.get(scenario.getKey()));
                continue;
            }
            md.append("\n## ")
                    .append(scenario.getKey())
                    .append("\n\n")
                    .append(describe(scenario.getKey()))
                    .append("\n\n");
            Set<String> columns = new LinkedHashSet<>();
            scenario.getValue().forEach(row -> columns.addAll(row.values().keySet()));
            md.append("| stack |");
            columns.forEach(c -> md.append(' ').append(c).append(" |"));
            md.append(" notes |\n|---|");
            columns.forEach(c -> md.append("---:|"));
            md.append("---|\n");
            for (Row row : scenario.getValue()) {
                md.append("| ").append(row.peer()).append(" |");
                for (String column : columns) {
                    md.append(' ').append(format(row.values().get(column))).append(" |");
                }
                md.append(' ').append(row.note() == null ? "" : row.note()).append(" |\n");
            }
        }
        md.append(BEFORE_AND_AFTER);
        Files.writeString(markdown, md.toString(), StandardCharsets.UTF_8);
        Chart.write(this, chart);
    }

    /** Measured once for each change, not by every run: the profiles behind them are in performance.md. */
    static final String BEFORE_AND_AFTER = """

            ## Before and after

            What profiling found and what changed in the engine, measured on this machine before and after each change
            (profiles, methods and details: [performance.md](performance.md)).

            | change | measure | before | after |
            |---|---|---:|---:|
            | single-flight fan-out, direct writes to the end point | fanout-max, deliveries/s (quick run) | 250,896 (fails at 1,000 events/s) | 1,601,264 (floor: 1,603,141) |
            | one buffer per write, fan-out on every core | 1,000 streams x 100 events/s, p99 | 11.8 ms | 11.9 / 10.4 ms (floor: 10.1 / 11.2 ms) |
            | stream connections taken over from Jetty after the headers | idle, heap per stream | 4.85 KiB | 1.80 KiB |
            """;

    private static String describe(String scenario) {
        return switch (scenario) {
            case "idle" ->
                "Idle streams (10,000): server memory per stream, resident (RSS) and Java heap after a full GC.";
            case "fanout" -> "Fan-out: 2,000 streams, one topic, 100 events/s of 100 bytes.";
            case "fanout-max" ->
                "Fan-out at the limit: 1,000 streams, the rate doubled until fewer than 95% of offered deliveries arrive, "
                        + "p99 passes 1 s, or clients are dropped; the last rate that held.";
            case "max-streams" ->
                "As many HTTP/1.1 streams as the 20,000-file process limit allows (19,500), held for 60 s.";
            case "loops" ->
                "The seed's model: 10,000 per-client handlers on virtual threads, each sending one event a second (Spout only).";
            case "http2" ->
                "Fan-out over HTTP/2 beyond the file limit, 1 event/s to each stream (Spout only): 100,000 streams as "
                        + "browsers would open them (1,000 connections of 100 streams), and on 10 connections of 10,000.";
            case "redis" ->
                "Spout nodes on one Redis (spout-redis): the first node publishes 100 events/s of 100 bytes, 1,000 clients "
                        + "are spread over all nodes. The in-memory row is the same load on one node without Redis: the "
                        + "difference is the Redis hop.";
            case "topics" ->
                "Many topics chosen per request (Spout only): 10,000 topics with one subscriber each against one topic "
                        + "with 10,000 subscribers, both 10,000 deliveries/s of 100 bytes; the heap of 100,000 idle topics; "
                        + "a million topics on demand created and abandoned; one stream of 100 topics dropped and resumed "
                        + "50 times at 20,000 events/s (lost and duplicated counted from the events' publish times); and "
                        + "two nodes on one Redis with the subscribers spread over both, with the connections a node holds.";
            default -> "";
        };
    }

    static String format(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Spread spread) {
            return spread.toString();
        }
        if (value instanceof Double d) { // counts without decimals; measures under 1,000 with two
            return d >= 1000 || d == Math.rint(d)
                    ? String.format(Locale.ROOT, "%,.0f", d)
                    : String.format(Locale.ROOT, "%.2f", d);
        }
        if (value instanceof Number n) {
            return String.format(Locale.ROOT, "%,d", n.longValue());
        }
        return value.toString();
    }

    private static String machine() {
        String cpu = "unknown CPU";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("model name"))
                    .findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 2))
                    .orElse(cpu);
        } catch (IOException ignored) {
            // not Linux: the model stays unknown
        }
        return Runtime.getRuntime().availableProcessors() + " cores (" + cpu + "), " + System.getProperty("os.name")
                + " " + System.getProperty("os.version") + ", JDK " + Runtime.version();
    }
}
