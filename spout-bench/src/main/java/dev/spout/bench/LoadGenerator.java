package dev.spout.bench;

import dev.spout.bench.common.Args;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * The load generator: plain NIO, a selector thread or two and no thread per connection. Opens N HTTP/1.1 event
 * streams (optionally from source addresses 127.0.0.1..127.0.0.k, for more than 28,000 connections), reads them,
 * and measures deliveries per second and the latency from each event's intended publish time (HdrHistogram), plus
 * errors and gaps in ids.
 *
 * <pre>
 * java -jar spout-bench.jar load --url http://127.0.0.1:8080/sse --connections 1000 --warmup 5s --duration 20s
 * </pre>
 *
 * Prints one line of JSON with the results.
 */
final class LoadGenerator {
    private final List<URI> urls;
    private final int connections;
    private final int sources;
    private final Worker[] workers;

    LoadGenerator(List<URI> urls, int connections, int threads, int sources) throws IOException {
        this.urls = urls;
        this.connections = connections;
        this.sources = sources;
        this.workers = new Worker[threads];
        for (int i = 0; i < threads; i++) {
            workers[i] = new Worker(i);
        }
    }

    static void main(Args args) throws Exception {
        var generator = new LoadGenerator(
                args.list("url", "http://127.0.0.1:8080/sse").stream()
                        .map(URI::create)
                        .toList(),
                args.integer("connections", 1000),
                args.integer("threads", 2),
                args.integer("sources", 1));
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
        for (Worker worker : workers) {
            Thread.ofPlatform().name("load-" + worker.index).daemon().start(worker);
        }
        long connectDeadline = System.nanoTime() + connectTimeout.toNanos();
        for (int i = 0; i < connections; i++) {
            workers[i % workers.length].open(address(i), urls.get(i % urls.size()));
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
        for (Worker worker : workers) {
            worker.latency.getIntervalHistogram(); // start a clean interval
        }
        long start = System.nanoTime();
        Thread.sleep(duration.toMillis());
        double seconds = (System.nanoTime() - start) / 1e9;
        long delivered = deliveries() - startDeliveries;
        var latency = new Histogram(3);
        for (Worker worker : workers) {
            latency.add(worker.latency.getIntervalHistogram());
        }
        int connectedNow = connected();
        for (Worker worker : workers) {
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

    private InetSocketAddress address(int i) {
        return sources <= 1 ? null : new InetSocketAddress("127.0.0." + (1 + i % sources), 0);
    }

    private long deliveries() {
        long sum = 0;
        for (Worker worker : workers) {
            sum += worker.deliveries.get();
        }
        return sum;
    }

    private long errors() {
        long sum = 0;
        for (Worker worker : workers) {
            sum += worker.errors.get();
        }
        return sum;
    }

    private long gaps() {
        long sum = 0;
        for (Worker worker : workers) {
            sum += worker.gaps.get();
        }
        return sum;
    }

    int connected() {
        int sum = 0;
        for (Worker worker : workers) {
            sum += (int) worker.connected.get();
        }
        return sum;
    }

    static long nowMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000 + now.getNano() / 1000;
    }

    /** One selector thread and the connections it owns. */
    private final class Worker implements Runnable {
        final int index;
        final Selector selector;
        final ConcurrentLinkedQueue<Object[]> toOpen = new ConcurrentLinkedQueue<>();
        final AtomicLong deliveries = new AtomicLong();
        final AtomicLong errors = new AtomicLong();
        final AtomicLong gaps = new AtomicLong();
        final AtomicLong connected = new AtomicLong();
        final Recorder latency = new Recorder(3);
        final ByteBuffer buffer = ByteBuffer.allocateDirect(256 * 1024);
        final byte[] bytes = new byte[256 * 1024];
        final List<SocketChannel> channels = new ArrayList<>();
        volatile boolean running = true;
        long now;

        Worker(int index) throws IOException {
            this.index = index;
            this.selector = Selector.open();
        }

        void open(InetSocketAddress source, URI url) {
            toOpen.add(new Object[] {source, url});
            selector.wakeup();
        }

        void stop() {
            running = false;
            selector.wakeup();
        }

        @Override
        public void run() {
            try {
                while (running) {
                    for (Object[] next = toOpen.poll(); next != null; next = toOpen.poll()) {
                        connect((InetSocketAddress) next[0], (URI) next[1]);
                    }
                    selector.select(100);
                    now = nowMicros();
                    Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
                    while (keys.hasNext()) {
                        SelectionKey key = keys.next();
                        keys.remove();
                        handle(key);
                    }
                }
                for (SocketChannel channel : channels) {
                    channel.close();
                }
                selector.close();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        private void connect(InetSocketAddress source, URI url) {
            try {
                SocketChannel channel = SocketChannel.open();
                channel.configureBlocking(false);
                if (source != null) {
                    channel.bind(source);
                }
                channels.add(channel);
                var stream = new Stream(url);
                if (channel.connect(new InetSocketAddress(url.getHost(), url.getPort()))) {
                    channel.register(selector, SelectionKey.OP_READ, stream);
                    sendRequest(channel, url);
                } else {
                    channel.register(selector, SelectionKey.OP_CONNECT, stream);
                }
            } catch (IOException e) {
                errors.incrementAndGet();
            }
        }

        private void sendRequest(SocketChannel channel, URI url) throws IOException {
            String request = "GET " + url.getRawPath() + " HTTP/1.1\r\nHost: " + url.getHost() + ":" + url.getPort()
                    + "\r\nAccept: text/event-stream\r\nCache-Control: no-cache\r\n\r\n";
            ByteBuffer out = ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII));
            while (out.hasRemaining()) {
                channel.write(out);
            }
        }

        private void handle(SelectionKey key) {
            SocketChannel channel = (SocketChannel) key.channel();
            Stream stream = (Stream) key.attachment();
            try {
                if (key.isConnectable()) {
                    channel.finishConnect();
                    key.interestOps(SelectionKey.OP_READ);
                    sendRequest(channel, stream.url);
                    return;
                }
                while (true) {
                    buffer.clear();
                    int n = channel.read(buffer);
                    if (n < 0) {
                        fail(key, stream);
                        return;
                    }
                    if (n == 0) {
                        return;
                    }
                    buffer.flip();
                    buffer.get(bytes, 0, n);
                    boolean wasDone = stream.scanner.headersDone();
                    stream.scanner.scan(bytes, 0, n, stream);
                    if (!wasDone && stream.scanner.headersDone()) {
                        if (stream.scanner.status == 200) {
                            connected.incrementAndGet();
                            stream.counted = true;
                        } else {
                            fail(key, stream);
                            return;
                        }
                    }
                    if (n < buffer.capacity()) {
                        return;
                    }
                }
            } catch (IOException e) {
                fail(key, stream);
            }
        }

        private void fail(SelectionKey key, Stream stream) {
            if (running) {
                errors.incrementAndGet();
            }
            if (stream.counted) {
                connected.decrementAndGet();
                stream.counted = false;
            }
            key.cancel();
            try {
                key.channel().close();
            } catch (IOException ignored) {
                // already failed; the error is counted
            }
        }

        /** The state of one connection. */
        private final class Stream implements StreamScanner.Sink {
            final StreamScanner scanner = new StreamScanner();
            final URI url;

            Stream(URI url) {
                this.url = url;
            }

            boolean counted;
            long lastId = -1;

            @Override
            public void delivered(long publishMicros, long id) {
                deliveries.incrementAndGet();
                latency.recordValue(Math.max(0, now - publishMicros));
                if (id >= 0 && lastId >= 0 && id != lastId + 1) {
                    gaps.incrementAndGet();
                }
                lastId = id;
            }
        }
    }
}
