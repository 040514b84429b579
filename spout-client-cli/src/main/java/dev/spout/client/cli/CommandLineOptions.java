package dev.spout.client.cli;

import dev.spout.sse.SseParser;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The tool's options as picocli reads them; {@link #toOptions()} checks them and gives the {@link Cli.Options}. */
@Command(
        name = "spout-client",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "curl for event streams: prints each event of URL as it arrives, and reconnects as a browser's"
                    + " EventSource does (after the server's retry delay, with Last-Event-ID).",
            ""
        },
        footer = {
            "",
            "Connection news and failures go to stderr, never to stdout.",
            "Exit status: 0 after --max-events, or when the stream ends with --no-reconnect; 1 when the stream fails"
                    + " for good (204, another status, not an event stream, an event over the size bound, a redirect to"
                    + " another origin, nothing listening with --no-reconnect); 2 for a usage error."
        })
final class CommandLineOptions {
    @Parameters(index = "0", paramLabel = "URL", description = "The event stream, http:// or https://.")
    URI url;

    @Option(
            names = "--json",
            description =
                    "One JSON object per event on stdout: {\"type\":…,\"data\":…,\"lastEventId\":…}, nothing else.")
    boolean json;

    @Option(names = "--max-events", paramLabel = "N", description = "Exit 0 after N events.")
    long maxEvents = Long.MAX_VALUE;

    @Option(names = "--no-reconnect", description = "Exit 0 when the stream ends, instead of reconnecting.")
    boolean noReconnect;

    @Option(
            names = {"-H", "--header"},
            paramLabel = "'Name: value'",
            description = "A request header (repeatable).")
    List<String> headers = new ArrayList<>();

    @Option(
            names = {"-X", "--request"},
            paramLabel = "METHOD",
            description = "The request method (default GET, or POST with -d).")
    String method;

    @Option(
            names = {"-d", "--data"},
            paramLabel = "BODY",
            description = "A request body.")
    String body;

    @Option(names = "--last-event-id", paramLabel = "ID", description = "Resume after this id.")
    String lastEventId;

    @Option(
            names = "--read-timeout",
            paramLabel = "SECS",
            description = "Reconnect when nothing (not even a heartbeat) arrives for this long.")
    Long readTimeoutSeconds;

    @Option(
            names = "--retry-server-errors",
            description = "Reconnect after 5xx and 429 (honouring Retry-After) instead of failing.")
    boolean retryServerErrors;

    @Option(
            names = "--max-event-size",
            paramLabel = "BYTES",
            description = "Refuse a longer line or event, exit 1 (default: ${DEFAULT-VALUE}, 4 MiB).")
    long maxEventSize = SseParser.DEFAULT_MAX_EVENT_BYTES;

    /** The checked options; an {@link IllegalArgumentException} says what is wrong. */
    Cli.Options toOptions() {
        if (url.getScheme() == null
                || !(url.getScheme().equalsIgnoreCase("http") || url.getScheme().equalsIgnoreCase("https"))
                || url.getHost() == null) {
            throw new IllegalArgumentException(
                    "URL must be an http:// or https:// URL with a host, got \"" + url + "\"");
        }
        if (maxEvents < 1) {
            throw new IllegalArgumentException("--max-events must be at least 1");
        }
        if (maxEventSize < 1 || maxEventSize > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("--max-event-size takes 1 to " + Integer.MAX_VALUE + " bytes");
        }
        if (readTimeoutSeconds != null && readTimeoutSeconds < 1) {
            throw new IllegalArgumentException("--read-timeout must be at least 1 second");
        }
        List<String[]> parsedHeaders = new ArrayList<>();
        for (String header : headers) {
            int colon = header.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("-H takes 'Name: value', got \"" + header + "\"");
            }
            parsedHeaders.add(new String[] {
                header.substring(0, colon).trim(), header.substring(colon + 1).trim()
            });
        }
        String verb = method != null ? method : body != null ? "POST" : "GET";
        return new Cli.Options(
                url,
                json,
                maxEvents,
                !noReconnect,
                parsedHeaders,
                verb,
                body,
                lastEventId,
                readTimeoutSeconds == null ? null : Duration.ofSeconds(readTimeoutSeconds),
                retryServerErrors,
                (int) maxEventSize);
    }
}
