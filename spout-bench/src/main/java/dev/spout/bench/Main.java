package dev.spout.bench;

import java.util.Arrays;
import picocli.CommandLine;

/**
 * The benchmark's command line ({@link BenchCommands}; {@code --help} on each command).
 *
 * <pre>
 * java -jar spout-bench.jar server --port P --rate R --size S [--topics N] [--redis URI] [--tls]   # the bench server
 * java -jar spout-bench.jar load --url http://127.0.0.1:P/sse --connections N --duration 30s [--topics N]
 * java -jar spout-bench.jar load --url https://127.0.0.1:P/sse --trust bench.p12   # over TLS, trusting that one
 * java -jar spout-bench.jar resume-probe --url http://127.0.0.1:P/sse --topics 100 --rate 20000 --drops 50
 * java -jar spout-bench.jar churn --topics 1000000   # topics on demand created and abandoned: the heap after
 * java -jar spout-bench.jar run [--scenarios idle,fanout,...] [--peers spout,...] [--out DIR] [--dry-run]
 * java -jar spout-bench.jar chart   # draws docs/benchmarks.png again from docs/benchmarks.md
 * java -jar spout-bench.jar jmh [JMH options]   # the microbenchmarks
 * </pre>
 *
 * Exit status: 0 when the command did its work, 1 when it failed, 2 for a usage error.
 */
public final class Main {
    private Main() {}

    public static void main(String[] argv) throws Exception {
        if (argv.length > 0 && argv[0].equals("jmh")) {
            // JMH's own options (-f, -rf json, a name filter) go to JMH as they are.
            org.openjdk.jmh.Main.main(Arrays.copyOfRange(argv, 1, argv.length));
            return;
        }
        System.exit(execute(argv)); // the server's command returns only at SIGTERM
    }

    /** Runs a command; returns its exit status. */
    static int execute(String... argv) {
        var commandLine = new CommandLine(new BenchCommands.Top());
        commandLine.setParameterExceptionHandler((problem, args) -> {
            System.err.println("spout-bench: " + problem.getMessage());
            System.err.println("Try 'java -jar spout-bench.jar "
                    + (problem.getCommandLine().getParent() == null
                            ? ""
                            : problem.getCommandLine().getCommandName() + " ")
                    + "--help' for the options.");
            return 2;
        });
        commandLine.setExecutionExceptionHandler((failure, failed, parsed) -> {
            if (failure instanceof IllegalArgumentException usage) { // a value the command's code refused
                System.err.println("spout-bench " + failed.getCommandName() + ": " + usage.getMessage());
                return 2;
            }
            System.err.println("spout-bench " + failed.getCommandName() + " failed: " + failure);
            failure.printStackTrace();
            return 1;
        });
        return commandLine.execute(argv);
    }
}
