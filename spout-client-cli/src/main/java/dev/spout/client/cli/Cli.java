package dev.spout.client.cli;

import dev.spout.client.EventSource;
import dev.spout.client.MessageEvent;
import dev.spout.client.StreamEvent;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * {@code curl} for event streams: prints events as they arrive, reconnecting as an EventSource does. The options,
 * parsed by picocli, are in {@link CommandLineOptions}; {@code --help} lists them.
 *
 * <pre>
 * java -jar spout-client.jar [--json] [--max-events N] [--no-reconnect] [-H 'Name: value'] [-X METHOD] [-d BODY]
 *      [--last-event-id ID] [--read-timeout SECS] [--retry-server-errors] [--max-event-size BYTES] URL
 * </pre>
 *
 * A stream that fails for good exits 1 with the reason on stderr; usage errors exit 2. Connection news goes to
 * stderr, never to stdout.
 */
public final class Cli {
    private Cli() {}

    /** The checked command line. */
    record Options(
            URI url,
            boolean json,
            long maxEvents,
            boolean reconnect,
            List<String[]> headers,
            String method,
            String body,
            String lastEventId,
            Duration readTimeout,
            boolean retryServerErrors,
            int maxEventSize) {}

    public static void main(String[] args) {
        var out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        var err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        System.exit(execute(args, out, err));
    }

    /** Runs the tool; returns its exit status. */
    static int execute(String[] args, PrintStream out, PrintStream err) {
        var parsed = new CommandLineOptions();
        var commandLine = new CommandLine(parsed);
        commandLine.setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
        Options options;
        try {
            commandLine.parseArgs(args);
            if (commandLine.isUsageHelpRequested()) {
                commandLine.usage(out);
                return 0;
            }
            if (commandLine.isVersionHelpRequested()) {
                commandLine.printVersionHelp(out);
                return 0;
            }
            options = parsed.toOptions();
        } catch (ParameterException | IllegalArgumentException usage) {
            err.println("spout-client: " + usage.getMessage());
            err.println("Try 'java -jar spout-client.jar --help' for the options.");
            return 2;
        }
        try {
            return run(options, out, err);
        } catch (RuntimeException | Error failure) { // never a silent exit 0 after a failure
            err.println("spout-client: " + Failures.describe(failure, options.url()));
            return 1;
        }
    }

    /**
     * The checked options of a command line, for tests.
     *
     * @throws IllegalArgumentException for a usage error
     */
    static Options parse(String[] args) {
        var parsed = new CommandLineOptions();
        try {
            new CommandLine(parsed).parseArgs(args);
        } catch (ParameterException usage) {
            throw new IllegalArgumentException(usage.getMessage(), usage);
        }
        return parsed.toOptions();
    }

    static int run(Options options, PrintStream out, PrintStream err) {
        var builder = EventSource.builder(options.url())
                .reconnect(options.reconnect())
                .retryServerErrors(options.retryServerErrors());
        for (String[] header : options.headers()) {
            builder.header(header[0], header[1]);
        }
        if (options.body() != null || !options.method().equals("GET")) {
            builder.method(options.method(), options.body() == null ? "" : options.body());
        }
        if (options.lastEventId() != null) {
            builder.lastEventId(options.lastEventId());
        }
        if (options.readTimeout() != null) {
            builder.readTimeout(options.readTimeout());
        }
        builder.maxEventSize(options.maxEventSize());
        long printed = 0;
        try (EventSource source = builder.connect()) {
            while (printed < options.maxEvents()) {
                switch (source.nextEvent()) {
                    case MessageEvent event -> {
                        out.print(options.json() ? EventFormat.json(event) + "\n" : EventFormat.text(event));
                        out.flush();
                        printed++;
                    }
                    case StreamEvent.Open open -> err.println("spout-client: connected to " + open.url());
                    case StreamEvent.Reconnecting r ->
                        err.println("spout-client: " + Failures.describe(r.cause(), options.url())
                                + "; reconnecting in " + r.delay().toMillis() + " ms");
                    case StreamEvent.Failed failed -> {
                        err.println("spout-client: " + Failures.describe(failed.cause(), options.url()));
                        return 1;
                    }
                    case StreamEvent.Closed closed -> {
                        return 0;
                    }
                    case StreamEvent.Comment comment -> {}
                    case StreamEvent.RetryChange change -> {}
                }
            }
            return 0;
        } catch (InterruptedException e) {
            return 130;
        }
    }
}
