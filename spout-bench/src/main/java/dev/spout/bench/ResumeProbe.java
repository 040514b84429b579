package dev.spout.bench;

import dev.spout.bench.common.Args;
import dev.spout.sse.SseParser;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.HdrHistogram.Histogram;

/**
 * A client of a stream of many topics that drops the connection in the middle of the stream and resumes with its
 * {@code Last-Event-ID}, again and again, while the bench server publishes without pause; it counts what was lost
 * and what came twice. The bench server's data is the intended publish time, and it publishes round-robin at a
 * fixed rate, so consecutive events of one topic are exactly {@code topics / rate} seconds apart: a larger step is
 * a loss, a smaller one a duplicate.
 *
 * <pre>
 * java -jar spout-bench.jar resume-probe --url http://127.0.0.1:8080/sse --topics 100 --rate 20000 --drops 50
 * </pre>
 *
 * Prints one line of JSON.
 */
final class ResumeProbe {
    private ResumeProbe() {}

    static void main(Args args) throws Exception {
        int topics = args.integer("topics", 100);
        double rate = args.decimal("rate", 20_000);
        int drops = args.integer("drops", 50);
        Duration timeout = args.duration("timeout", Duration.ofSeconds(120));
        double stepMicros = topics * 1e6 / rate;
        if (stepMicros != Math.rint(stepMicros)) {
            throw new IllegalArgumentException("topics / rate must be a whole number of microseconds");
        }
        StringBuilder query = new StringBuilder();
        for (int i = 0; i < topics; i++) {
            query.append(i == 0 ? "?" : "&").append("topic=t").append(i);
        }
        URI url = URI.create(args.string("url", "http://127.0.0.1:8080/sse") + query);
        System.out.println(run(url, (long) stepMicros, drops, timeout).json());
        System.exit(0);
    }

    record Result(
            int resumes,
            long events,
            long lost,
            long duplicated,
            int maxIdChars,
            double resumeP50Ms,
            double resumeP99Ms,
            double resumeMaxMs,
            int endedByServer) {
        String json() {
            return String.format(
                    Locale.ROOT,
                    "{\"resumes\":%d,\"events\":%d,\"lost\":%d,\"duplicated\":%d,\"maxIdChars\":%d,"
                            + "\"resumeP50Ms\":%.2f,\"resumeP99Ms\":%.2f,\"resumeMaxMs\":%.2f,\"endedByServer\":%d}",
                    resumes,
                    events,
                    lost,
                    duplicated,
                    maxIdChars,
                    resumeP50Ms,
                    resumeP99Ms,
                    resumeMaxMs,
                    endedByServer);
        }
    }

    /** The state of the whole run, fed one event at a time. */
    private static final class Tally {
        final long step;
        final Map<String, Long> lastMicros = new HashMap<>();
        long events;
        long lost;
        long duplicated;
        int maxIdChars;
        String lastId;

        Tally(long step) {
            this.step = step;
        }

        void event(String topic, String data, String id) {
            long micros = Long.parseLong(data, 0, data.indexOf(' '), 10);
            Long previous = lastMicros.put(topic, micros);
            if (previous != null) {
                long gap = micros - previous;
                if (gap <= 0) {
                    duplicated++;
                } else if (gap > step) {
                    lost += gap / step - 1;
                }
            }
            events++;
            lastId = id;
            maxIdChars = Math.max(maxIdChars, id.length());
        }
    }

    static Result run(URI url, long stepMicros, int drops, Duration timeout) throws Exception {
        var tally = new Tally(stepMicros);
        var resumeMicros = new Histogram(3);
        var random = new Random(42);
        long deadline = System.nanoTime() + timeout.toNanos();
        int endedByServer = 0;
        // HTTP/1.1, as a browser's EventSource on a plain http:// URL (the JDK client would try h2c otherwise)
        try (HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            for (int connection = 0; connection <= drops && System.nanoTime() < deadline; connection++) {
                var request = HttpRequest.newBuilder(url).header("Accept", "text/event-stream");
                if (tally.lastId != null) {
                    request.header("Last-Event-ID", tally.lastId);
                }
                long opened = System.nanoTime();
                HttpResponse<InputStream> response =
                        http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
                if (response.statusCode() != 200) {
                    String body;
                    try (InputStream in = response.body()) {
                        body = new String(in.readNBytes(2000), java.nio.charset.StandardCharsets.UTF_8);
                    }
                    throw new IllegalStateException("The stream answered " + response.statusCode()
                            + " to Last-Event-ID " + tally.lastId + ": " + body.strip());
                }
                int take = 200 + random.nextInt(400);
                List<String[]> batch = new ArrayList<>();
                var parser = new SseParser((type, data, id) -> batch.add(new String[] {type, data, id}));
                try (InputStream in = response.body()) {
                    byte[] buffer = new byte[8192];
                    boolean first = true;
                    while (take > 0 && System.nanoTime() < deadline) {
                        int read;
                        try {
                            read = in.read(buffer);
                        } catch (java.io.IOException endedByTheServer) {
                            read = -1; // a slow-client disconnect, say: the client resumes as from any drop
                        }
                        if (read < 0) {
                            endedByServer++;
                            break;
                        }
                        parser.feed(buffer, 0, read);
                        for (String[] event : batch) {
                            if (take-- <= 0) {
                                break; // what the client had not handled when it dropped: it resumes before them
                            }
                            if (first && connection > 0) {
                                resumeMicros.recordValue((System.nanoTime() - opened) / 1000);
                            }
                            first = false;
                            tally.event(event[0], event[1], event[2]);
                        }
                        batch.clear();
                    }
                } // closing the body drops the connection in the middle of the stream
            }
        }
        return new Result(
                (int) resumeMicros.getTotalCount(),
                tally.events,
                tally.lost,
                tally.duplicated,
                tally.maxIdChars,
                resumeMicros.getValueAtPercentile(50) / 1000.0,
                resumeMicros.getValueAtPercentile(99) / 1000.0,
                resumeMicros.getMaxValue() / 1000.0,
                endedByServer);
    }
}
