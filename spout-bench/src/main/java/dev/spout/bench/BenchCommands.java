package dev.spout.bench;

import dev.spout.bench.common.Args;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The bench's command line, declared for picocli: every command answers {@code --help} and refuses an option it does
 * not know. Each hands the options it was given to the code that runs it as {@link Args} (the form the peers' servers
 * share through bench-common), so defaults live in one place: the code that reads them.
 */
final class BenchCommands {
    private BenchCommands() {}

    @Command(
            name = "spout-bench",
            mixinStandardHelpOptions = true,
            description =
                    "Spout's benchmarks: the bench server, the load generators and the runner that writes the report.",
            subcommands = {
                Server.class,
                LoadCommands.Load.class,
                LoadCommands.LoadH2.class,
                ResumeProbeCommand.class,
                Churn.class,
                Run.class,
                ChartCommand.class,
                MergeCommand.class,
                CapacityCommand.class
            },
            footer = {"", "  jmh [JMH options]   the microbenchmarks, JMH's own command line (jmh -h for its help)"})
    static final class Top implements Runnable {
        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            spec.commandLine().usage(System.err);
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Name a command");
        }
    }

    /** What every command shares: its given options as {@link Args}. */
    abstract static class Given implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        Args args() {
            Map<String, String> options = new LinkedHashMap<>();
            var parsed = spec.commandLine().getParseResult();
            for (OptionSpec option : spec.options()) {
                if (option.usageHelp() || option.versionHelp() || !parsed.hasMatchedOption(option)) {
                    continue;
                }
                options.put(option.longestName().substring(2), String.valueOf(option.<Object>getValue()));
            }
            return new Args(spec.name(), options);
        }
    }

    @Command(
            name = "server",
            mixinStandardHelpOptions = true,
            description = {
                "Spout's bench server (a stable contract): prints 'ready' once listening, stops on SIGTERM.",
                "GET /sse[?topic=tK&topic=tJ...] streams topics t0...; POST /publish[?topic=...] publishes its body."
            })
    static final class Server extends Given {
        @Option(names = "--port", paramLabel = "P", description = "The port (default 8080).")
        int port;

        @Option(
                names = "--rate",
                paramLabel = "R",
                description =
                        "Events a second in all, round-robin over the topics; decimals allowed, 0 off (default 0).")
        double rate;

        @Option(names = "--size", paramLabel = "S", description = "Bytes of each event's data (default 100).")
        int size;

        @Option(names = "--topics", paramLabel = "N", description = "Topics t0 ... t{N-1} (default 1).")
        int topics;

        @Option(names = "--redis", paramLabel = "URI", description = "Keep the topics in Redis: nodes share them.")
        String redis;

        @Option(names = "--h2-streams", paramLabel = "N", description = "HTTP/2 streams per connection (default 1024).")
        int h2Streams;

        @Option(
                names = "--tls",
                description = "Serve HTTPS (HTTP/1.1 and h2 by ALPN) with a test certificate: --keystore's, or one made"
                        + " at start (its file named on the standard error, for clients' --trust).")
        boolean tls;

        @Option(names = "--keystore", paramLabel = "FILE", description = "With --tls: a PKCS#12 key store to serve.")
        String keystore;

        @Option(
                names = "--keystore-password",
                paramLabel = "PW",
                description = "--keystore's password (default spout-bench, the test certificate's).")
        String keystorePassword;

        @Option(
                names = "--hub",
                description = "Serve the Mercure hub at /.well-known/mercure?match=t0 instead, the publisher POSTing"
                        + " each update to it over HTTP.")
        boolean hub;

        @Override
        public Integer call() throws Exception {
            BenchServer.main(args());
            return 0;
        }
    }

    @Command(
            name = "resume-probe",
            mixinStandardHelpOptions = true,
            description =
                    "Drops and resumes a stream of many topics while publishing goes on; counts lost and doubled.")
    static final class ResumeProbeCommand extends Given {
        @Option(names = "--url", paramLabel = "URL", description = "The bench server's /sse.")
        String url;

        @Option(names = "--topics", paramLabel = "N", description = "Topics in the stream (default 100).")
        int topics;

        @Option(
                names = "--rate",
                paramLabel = "R",
                description = "The server's publish rate, to check (default 20000).")
        double rate;

        @Option(names = "--drops", paramLabel = "N", description = "Drops and resumes (default 50).")
        int drops;

        @Option(names = "--timeout", paramLabel = "DURATION", description = "For the whole probe (default 120s).")
        String timeout;

        @Override
        public Integer call() throws Exception {
            ResumeProbe.main(args());
            return 0;
        }
    }

    @Command(
            name = "churn",
            mixinStandardHelpOptions = true,
            description =
                    "Creates and abandons topics on demand, in waves; prints the heap before, at the fullest, after.")
    static final class Churn extends Given {
        @Option(names = "--topics", paramLabel = "N", description = "Topics in all (default 1000000).")
        int topics;

        @Option(names = "--wave", paramLabel = "N", description = "Topics alive at once (default 100000).")
        int wave;

        @Option(names = "--timeout", paramLabel = "DURATION", description = "For the whole churn (default 300s).")
        String timeout;

        @Override
        public Integer call() throws Exception {
            TopicChurn.main(args());
            return 0;
        }
    }

    @Command(
            name = "run",
            mixinStandardHelpOptions = true,
            description = {
                "Runs every scenario against every peer, one after the other with the same JVM flags, and writes the"
                        + " report and its chart. Prints its plan and an estimate first, and its progress as it goes.",
                "Peers are built with: ./mvnw -q -Pbench -DskipTests install"
            })
    static final class Run extends Given {
        @Option(
                names = "--scenarios",
                paramLabel = "LIST",
                description = "Comma-separated, from: " + Runner.ALL_SCENARIOS + " (default all).")
        String scenarios;

        @Option(
                names = "--peers",
                paramLabel = "LIST",
                description = "Comma-separated, from: " + Runner.ALL_PEERS + " (default all).")
        String peers;

        @Option(names = "--quick", description = "Shorter runs and fewer streams: a check, not a figure.")
        boolean quick;

        @Option(
                names = "--repeat",
                paramLabel = "N",
                description = "Runs of each scenario every peer runs, in rounds; the report gives min / median / max"
                        + " (default 3).")
        int repeat;

        @Option(
                names = "--out",
                paramLabel = "DIR",
                description = "Where benchmarks.md and .png go (default: the repository's docs).")
        Path out;

        @Option(names = "--dry-run", description = "Print the plan and the estimate, run nothing.")
        boolean dryRun;

        @Option(
                names = "--resume",
                description = "Go on with a run that was stopped, from the step after the last one it finished (its"
                        + " progress is saved beside the report, benchmarks-run.json): give the same options; it"
                        + " refuses unless the plan, the build (commit) and the machine are the same.")
        boolean resume;

        @Override
        public Integer call() throws Exception {
            Runner.main(args());
            return 0;
        }
    }

    @Command(name = "chart", mixinStandardHelpOptions = true, description = "Draws the chart again from the report.")
    static final class ChartCommand extends Given {
        @Option(
                names = "--report",
                paramLabel = "FILE",
                description = "The report (default docs/benchmarks.md); its data, the JSON beside it, is what is read.")
        Path report = Runner.ROOT.resolve("docs/benchmarks.md");

        @Option(names = "--out", paramLabel = "FILE", description = "The chart (default docs/benchmarks.png).")
        Path out = Runner.ROOT.resolve("docs/benchmarks.png");

        @Override
        public Integer call() throws Exception {
            Chart.write(Report.read(report), out);
            System.err.println("Wrote " + out);
            return 0;
        }
    }
    /**
     * {@code merge}: a run written elsewhere ({@code run --out DIR}, say while another run had the repository's report)
     * added to the report, as if it had been written there: what it measured replaces, the rest is kept and marked with
     * its date and machine, exactly as a run does.
     */
    @Command(
            name = "merge",
            mixinStandardHelpOptions = true,
            description = "Adds the report of a run written elsewhere (run --out DIR) to the report, as that run would"
                    + " have: what it measured replaces, the rest is kept, marked with its date and machine.")
    static final class MergeCommand extends Given {
        @Option(
                names = "--from",
                required = true,
                paramLabel = "FILE",
                description = "The run's report (DIR/benchmarks.md); its data, the JSON beside it, is what is read.")
        Path from;

        @Option(
                names = "--report",
                paramLabel = "FILE",
                description = "The report it goes into (default docs/benchmarks.md), its chart beside it.")
        Path report = Runner.ROOT.resolve("docs/benchmarks.md");

        @Override
        public Integer call() throws Exception {
            if (!java.nio.file.Files.isRegularFile(ReportData.file(from))) {
                throw new picocli.CommandLine.ParameterException(
                        spec.commandLine(),
                        "No report data at " + ReportData.file(from) + ": give a run's benchmarks.md");
            }
            String name = report.getFileName().toString().replaceFirst("\\.md$", "");
            Path chart = report.resolveSibling(name + ".png");
            Report.read(from).write(report, chart);
            System.err.println("Wrote " + report + " and " + chart);
            return 0;
        }
    }
}
