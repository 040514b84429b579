package dev.spout.bench;

import dev.spout.bench.common.Args;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.http.MetaData;
import org.eclipse.jetty.http2.HTTP2Session;
import org.eclipse.jetty.http2.api.Session;
import org.eclipse.jetty.http2.api.Stream;
import org.eclipse.jetty.http2.client.HTTP2Client;
import org.eclipse.jetty.http2.frames.HeadersFrame;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * The HTTP/2 load generator: a few HTTP/2 connections, cleartext by prior knowledge for {@code http://} or h2 by
 * ALPN over TLS for {@code https://} (with {@code --trust}), each carrying thousands of event streams, on Jetty's
 * low-level HTTP/2 client. Measures what {@link LoadGenerator} does, and so goes beyond the
 * per-process file limit that caps HTTP/1.1 streams.
 *
 * <pre>
 * java -jar spout-bench.jar load-h2 --url http://127.0.0.1:8080/sse --connections 10 --streams 10000
 * java -jar spout-bench.jar load-h2 --url https://127.0.0.1:8443/sse --trust bench.p12 --connections 10
 * </pre>
 */
final class Http2Load {
    private final AtomicLong opened = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicLong deliveries = new AtomicLong();
    private final Recorder latency = new Recorder(3);

    private Http2Load() {}

    /** What the handshake of the first connection agreed ({@code TLSv1.3 TLS_AES_128_GCM_SHA256 h2}); null in h2c. */
    private volatile String negotiated;

    static void main(Args args) throws Exception {
        System.out.println(run(args, new Http2Load(), false).json());
        System.exit(0); // the streams end with the process
    }

    /** Opens the streams, measures, closes them; with what the handshake agreed (null in h2c), for tests. */
    static Map.Entry<LoadGenerator.Result, String> runAndClose(Args args) throws Exception {
        var load = new Http2Load();
        var result = run(args, load, true);
        return new java.util.AbstractMap.SimpleImmutableEntry<>(result, load.negotiated);
    }

    private static LoadGenerator.Result run(Args args, Http2Load load, boolean close) throws Exception {
        URI url = URI.create(args.string("url", "http://127.0.0.1:8080/sse"));
        int connections = args.integer("connections", 10);
        int streams = args.integer("streams", 1000);
        SslContextFactory.Client tls = tls(args, url);
        var client = new HTTP2Client();
        if (tls != null) {
            client.getClientConnector().setSslContextFactory(tls);
        }
        client.setInitialSessionRecvWindow(64 * 1024 * 1024);
        client.setInitialStreamRecvWindow(256 * 1024);
        client.setMaxLocalStreams(streams + 1);
        client.setIdleTimeout(0);
        client.start();
        List<Session> sessions = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            var address = new InetSocketAddress(url.getHost(), LoadWorker.port(url));
            sessions.add((tls == null
                            ? client.connect(address, new Session.Listener() {})
                            : client.connect(tls, address, new Session.Listener() {}))
                    .get(30, TimeUnit.SECONDS));
        }
        if (tls != null
                && sessions.getFirst() instanceof HTTP2Session session
                && session.getEndPoint().getSslSessionData() != null) {
            var ssl = session.getEndPoint().getSslSessionData().sslSession();
            load.negotiated = ssl.getProtocol() + " " + ssl.getCipherSuite() + " h2";
            System.err.println("negotiated " + load.negotiated);
        }
        for (Session session : sessions) {
            for (int s = 0; s < streams; s++) {
                load.open(session, url);
                if (s % 500 == 499) {
                    Thread.sleep(2);
                }
            }
        }
        long deadline = System.nanoTime()
                + args.duration("connect-timeout", Duration.ofSeconds(120)).toNanos();
        long total = (long) connections * streams;
        while (load.opened.get() + load.errors.get() < total && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        System.err.println("connected " + load.opened.get());
        System.err.flush();
        Thread.sleep(args.duration("warmup", Duration.ofSeconds(5)).toMillis());
        long startDeliveries = load.deliveries.get();
        long startErrors = load.errors.get();
        load.latency.getIntervalHistogram();
        long start = System.nanoTime();
        Thread.sleep(args.duration("duration", Duration.ofSeconds(20)).toMillis());
        double seconds = (System.nanoTime() - start) / 1e9;
        Histogram histogram = load.latency.getIntervalHistogram();
        long delivered = load.deliveries.get() - startDeliveries;
        var result = new LoadGenerator.Result(
                (int) total,
                (int) load.opened.get(),
                seconds,
                delivered,
                delivered / seconds,
                histogram.getValueAtPercentile(50),
                histogram.getValueAtPercentile(90),
                histogram.getValueAtPercentile(99),
                histogram.getMaxValue(),
                load.errors.get() - startErrors,
                0);
        if (close) {
            client.stop();
        }
        return result;
    }

    /**
     * For an {@code https://} URL, TLS with h2 by ALPN (Jetty's {@code ClientConnector}, the JDK's ALPN by
     * jetty-alpn-java-client), trusting the one certificate {@code --trust} names, the host name checked against it;
     * null for {@code http://} (h2c by prior knowledge).
     */
    static SslContextFactory.Client tls(Args args, URI url) {
        List<URI> urls = List.of(url);
        SSLContext trust = LoadOptions.trust(args, urls);
        if (!"https".equals(url.getScheme())) {
            if (!"http".equals(url.getScheme())) {
                throw new IllegalArgumentException("--url takes an http:// or https:// URL, got " + url);
            }
            return null;
        }
        if (trust == null) {
            throw new IllegalArgumentException("An https:// URL needs --trust FILE: the server's test key store"
                    + " or certificate (spout-bench server --tls prints where its own is)");
        }
        var tls = new SslContextFactory.Client();
        tls.setSslContext(trust);
        tls.setEndpointIdentificationAlgorithm("HTTPS");
        return tls;
    }

    private void open(Session session, URI url) {
        var request = new MetaData.Request(
                "GET",
                HttpURI.from(url.toString()),
                HttpVersion.HTTP_2,
                HttpFields.build().put("Accept", "text/event-stream"));
        StreamScanner scanner = StreamScanner.bodyOnly();
        StreamScanner.Sink sink = (publishMicros, id) -> {
            deliveries.incrementAndGet();
            latency.recordValue(Math.max(0, LoadGenerator.nowMicros() - publishMicros));
        };
        session.newStream(new HeadersFrame(request, null, false), new Stream.Listener() {
            @Override
            public void onHeaders(Stream stream, HeadersFrame frame) {
                if (frame.getMetaData() instanceof MetaData.Response response) {
                    if (response.getStatus() == 200) {
                        opened.incrementAndGet();
                    } else {
                        errors.incrementAndGet();
                    }
                }
                stream.demand();
            }

            @Override
            public void onDataAvailable(Stream stream) {
                Stream.Data data = stream.readData();
                if (data != null) {
                    ByteBuffer bytes = data.frame().getByteBuffer();
                    byte[] copy = new byte[bytes.remaining()];
                    bytes.get(copy);
                    data.release();
                    scanner.scan(copy, 0, copy.length, sink);
                    if (data.frame().isEndStream()) {
                        errors.incrementAndGet();
                        return;
                    }
                }
                stream.demand();
            }

            @Override
            public void onReset(
                    Stream stream,
                    org.eclipse.jetty.http2.frames.ResetFrame frame,
                    org.eclipse.jetty.util.Callback callback) {
                errors.incrementAndGet();
                callback.succeeded();
            }
        });
    }
}
