package dev.spout.bench;

import dev.spout.bench.common.Args;
import dev.spout.bench.common.Publisher;
import dev.spout.bench.common.TestKeyStore;
import dev.spout.engine.topic.Subscription;
import dev.spout.engine.topic.Topic;
import dev.spout.server.Spout;
import dev.spout.sse.SseEvent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Spout's bench server, with the contract any harness can drive: {@code server --port P --rate R --size S
 * [--topics N] [--redis URI] [--host H] [--tls [--keystore FILE]]}.
 *
 * <p>It listens on 127.0.0.1 unless {@code --host} names another address ({@code 0.0.0.0}: every interface), and it
 * has no credentials: {@code POST /publish} publishes whatever anyone who reaches it sends. On loopback it answers
 * only requests that name a loopback host ({@code 421} otherwise), so a DNS-rebinding page in a browser on the same
 * machine cannot use it.
 *
 * <ul>
 *   <li>Topics {@code t0} … {@code t<N-1>} (default one); the built-in publisher sends {@code R} events a second in
 *       total (decimals allowed: {@code 0.2} is one every five seconds; {@code 0} turns it off), round-robin over
 *       the topics, each event's data {@code <intended publish time in epoch micros> <padding>} of {@code S} bytes.
 *   <li>{@code GET /sse} streams {@code t0} with Spout's default engine settings (history, replay by
 *       Last-Event-ID, heartbeats, slow-client bound); in memory its ids are integers going up by one. {@code GET
 *       /sse?topic=tK&topic=tJ…} streams those topics in one stream; when it follows more than one, each event
 *       carries {@code event: <topic>}, and {@code Last-Event-ID} resumes every one of them. An unknown topic gets
 *       {@code 400}.
 *   <li>{@code POST /publish[?topic=tK[&topic=tJ…]]} publishes its body as one event's data, to {@code t0} or to
 *       the topics named (one event, one id in all), and answers {@code 200} with its id; {@code 400} for a body
 *       that is not UTF-8 or an unknown topic, {@code 413} for one too big, {@code 503} if the broker cannot take
 *       it.
 *   <li>{@code --redis URI} uses Redis Streams, so bench servers on several ports form one cluster.
 *   <li>{@code --tls} serves HTTPS instead (HTTP/1.1, and h2 by ALPN) with the test certificate of {@code --keystore
 *       FILE} (PKCS#12, {@code --keystore-password}, default {@code spout-bench}), or with one it makes at start and
 *       names on the standard error ({@link TestKeyStore}: made by the run, never kept in the repository).
 * </ul>
 *
 * <p>Prints {@code ready} when listening; stops on SIGTERM. Also: GET {@code /loop}, a per-client handler that sends
 * an event a second (the seed's model), and {@code --h2-streams N}, the streams one HTTP/2 connection may carry.
 */
final class BenchServer {
    static final int MAX_TOPICS = 1_000_000;
    private static final int IN_FLIGHT = 1024;

    private BenchServer() {}

    static void main(Args args) throws Exception {
        if (args.flag("hub") && args.flag("tls")) {
            throw new IllegalArgumentException("--tls is for the bench server's own streams, not --hub");
        }
        Spout app = args.flag("hub") ? HubBenchServer.start(args) : start(args);
        Runtime.getRuntime().addShutdownHook(new Thread(app::close));
        Publisher.ready();
        Thread.currentThread().join();
    }

    /** Starts the server and its publisher; the caller closes the application. */
    static Spout start(Args args) {
        int port = args.integer("port", 8080);
        int size = args.integer("size", 100);
        int count = args.integer("topics", 1);
        if (count < 1 || count > MAX_TOPICS) {
            throw new IllegalArgumentException("--topics takes 1 to " + MAX_TOPICS + ", got " + count);
        }
        Path keyStore = TestKeyStore.fromArgs(args);
        var app = Spout.create(options -> {
            if (keyStore != null) { // HTTPS, h2 by ALPN beside HTTP/1.1, as SpoutOptions.tls sets Jetty up
                options.tls(keyStore, TestKeyStore.password(args));
            }
            BrokerChoice.configure(options, args.string("redis", null), port);
            options.http2MaxConcurrentStreams(args.integer("h2-streams", 1024));
            // The load generators open every stream from a few loopback addresses: no limit per client here.
            options.maxStreamsPerAddress(Integer.MAX_VALUE);
        });
        List<Topic> topics = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            topics.add(app.topic("t" + i));
        }
        var known = new BenchTopics(topics);
        app.subscribe("/sse", request -> {
            List<Topic> chosen = known.named(request.queryParameters("topic"));
            return chosen.size() == 1
                    ? Subscription.to(chosen)
                    : Subscription.to(chosen).typedByTopic();
        });
        // The seed's model, for the "loops" scenario: a handler per client, sending once a second.
        app.sse("/loop", sse -> {
            while (true) {
                java.time.Instant now = java.time.Instant.now();
                sse.send(Publisher.payload(now.getEpochSecond() * 1_000_000 + now.getNano() / 1000, size));
                Thread.sleep(1000);
            }
        });
        PublishEndpoint.define(app, known);
        app.jetty().setHandler(new UnknownTopicFilter(known, app.jetty().getHandler()));
        String host = args.string("host", "127.0.0.1");
        if (isLoopback(host)) {
            app.jetty().setHandler(new LoopbackHosts(app.jetty().getHandler()));
        }
        app.start(host, port);

        // Asynchronously, so that with Redis the publishes are pipelined on the broker's connection (in order)
        // rather than one round trip each, but at most IN_FLIGHT at once: a broker that cannot keep up makes the
        // publisher fall behind, which the latency (measured from each event's intended time) then shows.
        var inFlight = new java.util.concurrent.Semaphore(IN_FLIGHT);
        Publisher.start(args, (id, data) -> {
            inFlight.acquireUninterruptibly();
            topics.get((int) ((id - 1) % count)).publishAsync(SseEvent.of(data)).whenComplete((done, failure) -> {
                inFlight.release();
                if (failure != null) {
                    PublishFailures.report(failure);
                }
            });
        });
        return app;
    }

    private static boolean isLoopback(String host) {
        try {
            return java.net.InetAddress.getByName(host).isLoopbackAddress();
        } catch (java.net.UnknownHostException unknown) {
            throw new IllegalArgumentException("--host is an address to listen on, got " + host, unknown);
        }
    }

    /** The built-in publisher's failures (Redis down, say): counted, and logged once a second at most. */
    private static final class PublishFailures {
        private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(BenchServer.class);
        private static final java.util.concurrent.atomic.AtomicLong FAILED =
                new java.util.concurrent.atomic.AtomicLong();
        private static volatile long loggedNanos = System.nanoTime() - 2_000_000_000L;

        static void report(Throwable failure) {
            long failed = FAILED.incrementAndGet();
            long now = System.nanoTime();
            if (now - loggedNanos > 1_000_000_000L) {
                loggedNanos = now;
                LOG.warn("The built-in publisher could not publish ({} so far): {}", failed, failure.toString());
            }
        }
    }
}
