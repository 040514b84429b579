package dev.spout.examples;

import dev.spout.server.Spout;
import java.io.PrintWriter;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Where an example listens, as a picocli mixin: {@code --port N} (else the {@code PORT} environment variable, else
 * 8080) and {@code --host H} (default: every interface). Every example's command line answers {@code --help} and
 * refuses what it does not know (exit 2).
 *
 * <pre>{@code
 * public static void main(String[] args) {
 *     var app = define(Spout.create());
 *     ServeOptions.of("clock", args).start(app);
 * }
 * }</pre>
 */
final class ServeOptions {
    @Option(
            names = "--port",
            paramLabel = "N",
            defaultValue = "${env:PORT:-8080}",
            description = "The port (or the PORT environment variable; default 8080; 0 picks a free one).")
    int port;

    @Option(
            names = "--host",
            paramLabel = "HOST",
            description = "Listen on this interface only, such as 127.0.0.1 (default: every interface).")
    String host;

    private String program = "spout-example"; // for its messages: set when its command line is parsed

    /** The command line of an example with nothing but these options. */
    @Command(mixinStandardHelpOptions = true, description = "Serves this example of Spout.")
    static final class Example {
        @Mixin
        ServeOptions serve;
    }

    /** An example's options from its command line; exits 0 after {@code --help}, 2 after a usage error. */
    static ServeOptions of(String program, String[] args) {
        return parseOrExit(program, Example::new, args).serve;
    }

    /**
     * Parses a command line into a new {@code command} (an annotated class that mixes these options in); exits 0
     * after printing {@code --help}, 2 after a usage error.
     */
    static <T> T parseOrExit(String program, Supplier<T> command, String[] args) {
        T parsed = command.get();
        var commandLine = new CommandLine(parsed).setCommandName(program);
        try {
            commandLine.parseArgs(args);
            if (commandLine.isUsageHelpRequested() || commandLine.isVersionHelpRequested()) {
                commandLine.usage(new PrintWriter(System.out, true));
                System.exit(0);
            }
            commandLine.getCommandSpec().mixins().values().stream()
                    .map(mixin -> mixin.userObject())
                    .filter(ServeOptions.class::isInstance)
                    .forEach(mixin -> {
                        ((ServeOptions) mixin).program = program;
                        ((ServeOptions) mixin).check();
                    });
        } catch (CommandLine.ParameterException | IllegalArgumentException usage) {
            System.err.println(program + ": " + usage.getMessage());
            System.err.println("Try " + program + " --help for the options.");
            System.exit(2);
        }
        return parsed;
    }

    /** Parses an example's command line without exiting, for tests: a usage error is an IllegalArgumentException. */
    static ServeOptions parse(String... args) {
        var example = new Example();
        try {
            new CommandLine(example).parseArgs(args);
        } catch (CommandLine.ParameterException usage) {
            throw new IllegalArgumentException(usage.getMessage(), usage);
        }
        example.serve.check();
        return example.serve;
    }

    void check() {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port must be a port number from 0 to 65535, got " + port);
        }
    }

    /**
     * Starts the application where these options say; a port that another server holds is said in one line, with
     * the option that changes it, and the program exits 1.
     */
    Spout start(Spout app) {
        try {
            return app.start(host, port);
        } catch (IllegalStateException failed) {
            if (!portInUse(failed)) {
                throw failed;
            }
            System.err.println(program + ": port " + port + " is in use: choose another with --port N (or PORT=N)");
            System.exit(1);
            throw failed; // not reached
        }
    }

    private static boolean portInUse(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.net.BindException) {
                return true;
            }
        }
        return false;
    }
}
