package dev.spout.bench;

import dev.spout.bench.common.Args;
import java.nio.file.Path;

/**
 * The benchmark's command line.
 *
 * <pre>
 * java -jar spout-bench.jar server --port P --rate R --size S [--topics N] [--redis URI]   # Spout's bench server
 * java -jar spout-bench.jar load --url http://127.0.0.1:P/sse --connections N --duration 30s [--topics N]
 * java -jar spout-bench.jar resume-probe --url http://127.0.0.1:P/sse --topics 100 --rate 20000 --drops 50
 * java -jar spout-bench.jar churn --topics 1000000   # topics on demand created and abandoned: the heap after
 * java -jar spout-bench.jar run [--scenarios idle,fanout,...] [--peers spout,...]   # the whole report
 * java -jar spout-bench.jar chart   # draws docs/benchmarks.png again from docs/benchmarks.md
 * java -jar spout-bench.jar jmh [JMH options]   # the microbenchmarks
 * </pre>
 */
public final class Main {
    private Main() {}

    public static void main(String[] argv) throws Exception {
        if (argv.length > 0 && argv[0].equals("jmh")) {
            // JMH's own options (-f, -rf json, a name filter) go to JMH as they are.
            org.openjdk.jmh.Main.main(java.util.Arrays.copyOfRange(argv, 1, argv.length));
            return;
        }
        Args args;
        try {
            args = Args.parse(argv);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        switch (args.command()) {
            case "server" -> BenchServer.main(args);
            case "load" -> LoadGenerator.main(args);
            case "load-h2" -> Http2Load.main(args);
            case "run" -> Runner.main(args);
            case "resume-probe" -> ResumeProbe.main(args);
            case "churn" -> TopicChurn.main(args);
            case "chart" -> Chart.write(Report.read(Path.of("docs/benchmarks.md")), Path.of("docs/benchmarks.png"));
            default -> {
                System.err.println("Unknown command \"" + args.command()
                        + "\": use server, load, load-h2, resume-probe, churn, run, chart or jmh");
                System.exit(2);
            }
        }
    }
}
