package dev.spout.client.cli;

import dev.spout.client.EventSource;
import dev.spout.client.MessageEvent;
import dev.spout.client.StreamEvent;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code curl} for event streams: prints events as they arrive, reconnecting as an EventSource does.
 *
 * <pre>
 * java -jar spout-client.jar [options] URL
 *   --json               one JSON object per event on stdout: {"type":…,"data":…,"lastEventId":…}, nothing else
 *   --max-events N       exit 0 after N events
 *   --no-reconnect       exit 0 when the stream ends (instead of reconnecting)
 *   -H 'Name: value'     a request header (repeatable)
 *   -X METHOD            the request method (default GET, or POST with -d)
 *   -d BODY              a request body
 *   --last-event-id ID   resume after this id
 *   --read-timeout SECS  reconnect when nothing arrives for this long
 *   --retry-server-errors  reconnect after 5xx and 429 (honouring Retry-After) instead of failing
 *   --max-event-size BYTES  refuse a longer line or event (default 4 MiB; exit 1)
 * </pre>
 *
 * A stream that fails for good (204, another status, not an event stream, an event larger than 4 MiB, a redirect
 * to another origin, anything unexpected) exits 1 with the reason on stderr; usage errors exit 2. Connection news
 * goes to stderr, never to stdout.
 */
public final class Cli {
    private Cli() {}

    /** The parsed command line. */
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
        Options options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("spout-client: " + e.getMessage());
            System.err.println("usage: java -jar spout-client.jar [--json] [--max-events N] [--no-reconnect] "
                    + "[-H 'Name: value'] [-X METHOD] [-d BODY] [--last-event-id ID] [--read-timeout SECS] "
                    + "[--retry-server-errors] [--max-event-size BYTES] URL");
            System.exit(2);
            return;
        }
        int status;
        try {
            status = run(options, out);
        } catch (RuntimeException | Error failure) { // never a silent exit 0 after a failure
            System.err.println("spout-client: " + failure);
            status = 1;
        }
        System.exit(status);
    }

    static int run(Options options, PrintStream out) {
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
                        out.print(options.json() ? json(event) + "\n" : text(event));
                        out.flush();
                        printed++;
                    }
                    case StreamEvent.Open open -> System.err.println("spout-client: connected to " + open.url());
                    case StreamEvent.Reconnecting r ->
                        System.err.println("spout-client: " + r.cause().getMessage() + "; reconnecting in "
                                + r.delay().toMillis() + " ms");
                    case StreamEvent.Failed failed -> {
                        System.err.println("spout-client: " + failed.cause().getMessage());
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

    static Options parse(String[] args) {
        URI url = null;
        boolean json = false;
        long maxEvents = Long.MAX_VALUE;
        boolean reconnect = true;
        List<String[]> headers = new ArrayList<>();
        String method = null;
        String body = null;
        String lastEventId = null;
        Duration readTimeout = null;
        boolean retryServerErrors = false;
        long maxEventSize = dev.spout.sse.SseParser.DEFAULT_MAX_EVENT_BYTES;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--json" -> json = true;
                case "--no-reconnect" -> reconnect = false;
                case "--retry-server-errors" -> retryServerErrors = true;
                case "--max-events" -> maxEvents = number(value(args, ++i, arg), arg);
                case "-H", "--header" -> {
                    String header = value(args, ++i, arg);
                    int colon = header.indexOf(':');
                    if (colon <= 0) {
                        throw new IllegalArgumentException("-H takes 'Name: value', got \"" + header + "\"");
                    }
                    headers.add(new String[] {
                        header.substring(0, colon).trim(),
                        header.substring(colon + 1).trim()
                    });
                }
                case "-X", "--request" -> method = value(args, ++i, arg);
                case "-d", "--data" -> body = value(args, ++i, arg);
                case "--last-event-id" -> lastEventId = value(args, ++i, arg);
                case "--read-timeout" -> readTimeout = Duration.ofSeconds(number(value(args, ++i, arg), arg));
                case "--max-event-size" -> maxEventSize = number(value(args, ++i, arg), arg);
                default -> {
                    if (arg.startsWith("-")) {
                        throw new IllegalArgumentException("unknown option " + arg);
                    }
                    if (url != null) {
                        throw new IllegalArgumentException("only one URL, got " + url + " and " + arg);
                    }
                    url = URI.create(arg);
                }
            }
        }
        if (url == null) {
            throw new IllegalArgumentException("a URL is required");
        }
        if (maxEvents < 1) {
            throw new IllegalArgumentException("--max-events must be at least 1");
        }
        if (maxEventSize < 1 || maxEventSize > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("--max-event-size takes 1 to " + Integer.MAX_VALUE + " bytes");
        }
        String verb = method != null ? method : body != null ? "POST" : "GET";
        return new Options(
                url, json, maxEvents, reconnect, headers, verb, body, lastEventId, readTimeout, retryServerErrors, (int)
                        maxEventSize);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static long number(String value, String option) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " takes a whole number, got \"" + value + "\"");
        }
    }

    /** The event as the wire shows it, with its type always and its id when it has one. */
    static String text(MessageEvent event) {
        var out = new StringBuilder();
        out.append("event: ").append(event.type()).append('\n');
        if (!event.lastEventId().isEmpty()) {
            out.append("id: ").append(event.lastEventId()).append('\n');
        }
        for (String line : event.data().split("\n", -1)) {
            out.append("data: ").append(line).append('\n');
        }
        return out.append('\n').toString();
    }

    /** {"type":…,"data":…,"lastEventId":…}, pure ASCII: everything else is escaped. */
    static String json(MessageEvent event) {
        var out = new StringBuilder(event.data().length() + 64);
        out.append("{\"type\":");
        quote(event.type(), out);
        out.append(",\"data\":");
        quote(event.data(), out);
        out.append(",\"lastEventId\":");
        quote(event.lastEventId(), out);
        return out.append('}').toString();
    }

    private static void quote(String value, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c > 0x7E) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
