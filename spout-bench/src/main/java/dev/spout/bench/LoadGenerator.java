package dev.spout.bench;

import dev.spout.bench.common.Args;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * The load generator: plain NIO, a selector thread or two and no thread per connection. Opens N HTTP/1.1 event
 * streams (optionally from source addresses 127.0.0.1..127.0.0.k, for more than 28,000 connections), reads them,
 * and measures deliveries per second and the latency from each event's intended publish time (HdrHistogram), plus
 * errors and gaps in ids.
 *
 * <pre>
 * java -jar spout-bench.jar load --url http://127.0.0.1:8080/sse --connections 1000 --warmup 5s --duration 20s
 * java -jar spout-bench.jar load --url http://127.0.0.1:8080/sse --connections 10000 --topics 10000   # one each
 * </pre>
 *
 * Prints one line of JSON with the results.
 */
final class LoadGenerator {
    private final List<URI> urls;
    private final int connections;
    private final int sources;
    private final int topics;
    private final LoadWorker[] workers;

    LoadGenerator(List<URI> urls, int connections, int threads, int sources, int topics) throws IOException {
        this.urls = urls;
        this.connections = connections;
        this.sources = sources;
        this.topics = topics;
        this.workers = new LoadWorker[threads];
        for (int i = 0; i < threads; i++) {
            workers[i] = new LoadWorker(i);
        }
    }

    static void main(Args args) throws Exception {
        var generator = new LoadGenerator(
                args.list("url", "http://127.0.0.1:8080/sse").stream()
                        .map(URI::create)
                        .toList(),
                args.integer("connections", 1000),
                args.integer("threads", 2),
                args.integer("sources", 1),
                args.integer("topics", 0));
        Result result = generator.run(
                args.duration("warmup", Duration.ofSeconds(5)),
                args.duration("duration", Duration.ofSeconds(20)),
                args.duration("connect-timeout", Duration.ofSeconds(60)));
        System.out.println(result.json());
        System.exit(0);
    }

    /** What one run measured. */
    record Result(
            int connections,
            int connected,
            double seconds,
            long deliveries,
            double deliveriesPerSecond,
            long p50Micros,
            long p90Micros,
            long p99Micros,
            long maxMicros,
            long errors,
            long gaps) {
        String json() {
            return String.format(
                    Locale.ROOT,
                    "{\"connections\":%d,\"connected\":%d,\"seconds\":%.1f,\"deliveries\":%d,\"deliveriesPerSecond\":%.0f,"
                            + "\"p50Micros\":%d,\"p90Micros\":%d,\"p99Micros\":%d,\"maxMicros\":%d,\"errors\":%d,\"gaps\":%d}",
                    connections,
                    connected,
                    seconds,
                    deliveries,
                    deliveriesPerSecond,
                    p50Micros,
                    p90Micros,
                    p99Micros,
                    maxMicros,
                    errors,
                    gaps);
        }
    }

    Result run(Duration warmup, Duration duration, Duration connectTimeout) throws Exception {
        for (LoadWorker worker : workers) {
            Thread.ofPlatform().name("load-" + worker.index).daemon().start(worker);
        }
        long connectDeadline = System.nanoTime() + connectTimeout.toNanos();
        for (int i = 0; i < connections; i++) {
            workers[i % workers.length].open(address(i), url(i));
            if (i % 256 == 255) {
                Thread.sleep(5); // let the server's accept queue drain (somaxconn is 4096 here)
            }
        }
        while (connected() + errors() < connections && System.nanoTime() < connectDeadline) {
            Thread.sleep(50);
        }
        System.err.println("connected " + connected()); // a harness waits for this line to sample the server
        System.err.flush();
        Thread.sleep(warmup.toMillis());
        long startDeliveries = deliveries();
        long startErrors = errors();
        long startGaps = gaps();
        for (LoadWorker worker : workers) {
            worker.latency.getIntervalHistogram(); // start a clean interval
        }
        long start = System.nanoTime();
        Thread.sleep(duration.toMillis());
        double seconds = (System.nanoTime() - start) / 1e9;
        long delivered = deliveries() - startDeliveries;
        var latency = new Histogram(3);
        for (LoadWorker worker : workers) {
            latency.add(worker.latency.getIntervalHistogram());
        }
        int connectedNow = connected();
        for (LoadWorker worker : workers) {
            worker.stop();
        }
        return new Result(
                connections,
                connectedNow,
                seconds,
                delivered,
                delivered / seconds,
                latency.getValueAtPercentile(50),
                latency.getValueAtPercentile(90),
                latency.getValueAtPercentile(99),
                latency.getMaxValue(),
                errors() - startErrors,
                gaps() - startGaps);
    }

    /**
     * The stream connection {@code i} opens: the URLs in turn, and with {@code --topics N} the topic {@code t<i mod
     * N>} ({@code ?topic=t7}), so that N connections follow N topics one each.
     */
    private URI url(int i) {
        URI url = urls.get(i % urls.size());
        if (topics <= 0) {
            return url;
        }
        String query = "topic=t" + (i % topics);
        return URI.create(url + (url.getRawQuery() == null ? "?" : "&") + query);
    }

    private InetSocketAddress address(int i) {
        return sources <= 1 ? null : new InetSocketAddress("127.0.0." + (1 + i % sources), 0);
    }

    private long deliveries() {
        long sum = 0;
        for (LoadWorker worker : workers) {
            sum += worker.deliveries.get();
        }
        return sum;
    }

    private long errors() {
        long sum = 0;
        for (LoadWorker worker : workers) {
            sum += worker.errors.get();
        }
        return sum;
    }

    private long gaps() {
        long sum = 0;
        for (LoadWorker worker : workers) {
            sum += worker.gaps.get();
        }
        return sum;
    }

    int connected() {
        int sum = 0;
        for (LoadWorker worker : workers) {
            sum += (int) worker.connected.get();
        }
        return sum;
    }

    static long nowMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000 + now.getNano() / 1000;
    }
}
