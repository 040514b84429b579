package dev.spout.bench;

import dev.spout.bench.common.Args;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLContext;
import org.HdrHistogram.Histogram;

/**
 * The load generator: plain NIO, a selector thread or two and no thread per connection. Opens N HTTP/1.1 event
 * streams, reads them, and measures deliveries per second and the latency from each event's intended publish time
 * (HdrHistogram), plus errors and gaps in ids.
 *
 * <p>Each connection takes an ephemeral port of its source address (28,232 here), so for more connections to one
 * server port, or to let several generators, each its own process under the 20,000-file limit, be told apart, the
 * connections can be bound to source addresses in turn: {@code --sources k} for 127.0.0.1 … 127.0.0.k, or {@code
 * --bind} naming them ({@code 127.0.0.2,127.0.0.3}).
 *
 * <pre>
 * java -jar spout-bench.jar load --url http://127.0.0.1:8080/sse --connections 1000 --warmup 5s --duration 20s
 * java -jar spout-bench.jar load --url http://127.0.0.1:8080/sse --connections 10000 --topics 10000   # one each
 * java -jar spout-bench.jar load --url http://127.0.0.1:8081/sse,http://127.0.0.1:8082/sse --connections 8000 \
 *      --bind 127.0.0.3 --topics 24000 --topic-offset 8000   # the second of three generators, t8000 … t15999
 * </pre>
 *
 * <p>An {@code https://} URL is read over TLS (HTTP/1.1, each connection its own handshake and {@code SSLEngine}),
 * trusting the one certificate {@code --trust} names: {@code load --url https://127.0.0.1:8443/sse --trust bench.p12}.
 *
 * Prints one line of JSON with the results (and {@code negotiated <protocol> <cipher suite>} on the standard error).
 */
final class LoadGenerator {
    private final List<URI> urls;
    private final int connections;
    private final List<InetAddress> sources;
    private final int topics;
    private final int topicOffset;
    private final LoadWorker[] workers;

    /**
     * {@code sources} the addresses connections are bound to in turn (none: the system chooses); with {@code topics}
     * more than 0, connection {@code i} follows topic {@code t<(topicOffset + i) mod topics>}.
     */
    LoadGenerator(List<URI> urls, int connections, int threads, List<InetAddress> sources, int topics, int topicOffset)
            throws IOException {
        this(urls, connections, threads, sources, topics, topicOffset, null);
    }

    /**
     * {@code trust} the context {@code https://} URLs are checked by ({@link LoadOptions#trust}); null if there are
     * none.
     */
    LoadGenerator(
            List<URI> urls,
            int connections,
            int threads,
            List<InetAddress> sources,
            int topics,
            int topicOffset,
            SSLContext trust)
            throws IOException {
        for (URI url : urls) {
            if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
                throw new IllegalArgumentException("--url takes http:// or https:// URLs, got " + url);
            }
            if ("https".equals(url.getScheme()) && trust == null) {
                throw new IllegalArgumentException("An https:// URL needs --trust FILE: the server's test key store"
                        + " or certificate (spout-bench server --tls prints where its own is)");
            }
        }
        if (topicOffset < 0) {
            throw new IllegalArgumentException("--topic-offset takes 0 or more, got " + topicOffset);
        }
        this.urls = urls;
        this.connections = connections;
        this.sources = List.copyOf(sources);
        this.topics = topics;
        this.topicOffset = topicOffset;
        this.workers = new LoadWorker[threads];
        for (int i = 0; i < threads; i++) {
            workers[i] = new LoadWorker(i, trust);
        }
    }

    static void main(Args args) throws Exception {
        List<URI> urls = args.list("url", "http://127.0.0.1:8080/sse").stream()
                .map(URI::create)
                .toList();
        var generator = new LoadGenerator(
                urls,
                args.integer("connections", 1000),
                args.integer("threads", 2),
                LoadOptions.sources(args),
                args.integer("topics", 0),
                args.integer("topic-offset", 0),
                LoadOptions.trust(args, urls));
        Result result = generator.measure(
                args.duration("warmup", Duration.ofSeconds(5)),
                args.duration("duration", Duration.ofSeconds(20)),
                args.duration("connect-timeout", Duration.ofSeconds(60)),
                args.duration("ramp", Duration.ZERO));
        System.out.println(result.json());
        System.out.flush();
        // With --hold, the streams stay open, read but no longer measured, so that a harness can sample the server
        // (a full GC, say) without disturbing what was measured; it may end this process once it has.
        Thread.sleep(args.duration("hold", Duration.ZERO).toMillis());
        generator.stop();
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
        Result result = measure(warmup, duration, connectTimeout, Duration.ZERO);
        stop();
        return result;
    }

    /**
     * Opens the streams (evenly over {@code ramp}; 0: at once), measures, and leaves them open: {@link #stop} closes
     * them. Prints {@code connected N} when they are open, then why any failed and {@code measured} when the window
     * is over, on the standard error (a harness samples the server by them).
     */
    Result measure(Duration warmup, Duration duration, Duration connectTimeout, Duration ramp) throws Exception {
        for (LoadWorker worker : workers) {
            Thread.ofPlatform().name("load-" + worker.index).daemon().start(worker);
        }
        long started = System.nanoTime();
        long connectDeadline = started + connectTimeout.toNanos();
        for (int i = 0; i < connections; i++) {
            workers[i % workers.length].open(address(i), url(i));
            if (i % 256 == 255) {
                Thread.sleep(5); // let the server's accept queue drain (somaxconn is 4096 here)
                long due = started + ramp.toNanos() * (i + 1) / connections; // the next 256 not before their time
                Thread.sleep(Math.max(0, (due - System.nanoTime()) / 1_000_000));
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
        var failures = new java.util.TreeMap<String, Long>();
        for (LoadWorker worker : workers) {
            worker.failures.forEach((why, count) -> failures.merge(why, count.get(), Long::sum));
        }
        failures.forEach((why, count) -> System.err.println("failed " + count + ": " + why)); // errors say why
        if (negotiated() != null) { // what a TLS handshake agreed: the same for all, by one server
            System.err.println("negotiated " + negotiated());
        }
        System.err.println("measured");
        System.err.flush();
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

    /** What a TLS handshake agreed ({@code TLSv1.3 TLS_AES_128_GCM_SHA256}); null if none was made. */
    String negotiated() {
        for (LoadWorker worker : workers) {
            if (worker.negotiated != null) {
                return worker.negotiated;
            }
        }
        return null;
    }

    /** Closes the streams. */
    void stop() {
        for (LoadWorker worker : workers) {
            worker.stop();
        }
    }

    /**
     * The stream connection {@code i} opens: the URLs in turn, and with {@code --topics N} the topic {@code
     * t<(offset + i) mod N>} ({@code ?topic=t7}), so that N connections follow N topics one each, and generators
     * given offsets 0, k, 2k … follow different ones.
     */
    private URI url(int i) {
        URI url = urls.get(i % urls.size());
        if (topics <= 0) {
            return url;
        }
        String query = "topic=t" + ((topicOffset + (long) i) % topics);
        return URI.create(url + (url.getRawQuery() == null ? "?" : "&") + query);
    }

    private InetSocketAddress address(int i) {
        return sources.isEmpty() ? null : new InetSocketAddress(sources.get(i % sources.size()), 0);
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
