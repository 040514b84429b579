package dev.spout.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The scenarios of Spout's own models, which no peer offers: per-client handlers on virtual threads, HTTP/2 beyond
 * the file limit (and its fan-out at the limit, in cleartext and over TLS), and several nodes on Redis.
 */
final class SpoutScenarios {
    private final Runner runner;

    SpoutScenarios(Runner runner) {
        this.runner = runner;
    }

    /** The seed's model: 10,000 handlers on virtual threads, each sending one event a second. */
    void loops(Peer peer) throws Exception {
        int streams = runner.quick ? 2000 : 10_000;
        try (var server = ServerProcess.start(peer.command(0, 100, List.of()), Duration.ofSeconds(60))) {
            Thread.sleep(1000);
            long heap0 = server.heapAfterGcKib();
            var load = new LoadProcess(runner.load("/loop", streams, runner.seconds(10, 4), runner.seconds(20, 6)));
            load.connected.get(120, TimeUnit.SECONDS);
            Thread.sleep(runner.seconds(10, 4).toMillis());
            double cpu0 = server.cpuSeconds();
            long t0 = System.nanoTime();
            Thread.sleep(runner.seconds(10, 4).toMillis());
            double cpu = (server.cpuSeconds() - cpu0) / ((System.nanoTime() - t0) / 1e9);
            long heap1 = server.heapAfterGcKib();
            Map<String, Object> row = PeerScenarios.latencyRow(load.result(300));
            row.put("server CPU (cores)", cpu);
            row.put("heap KiB/stream", (heap1 - heap0) / (double) streams);
            row.put("RSS MiB", server.rssKib() / 1024.0);
            runner.report.add("loops", peer.label(), row, null);
        }
    }

    /** Fan-out over HTTP/2: many streams per connection, beyond the per-process file limit. */
    void http2(Peer peer) throws Exception {
        // As browsers use HTTP/2 (one connection, up to ~100 streams), and at the extreme of 10,000 streams on one
        // connection, where Jetty's HTTP/2 frame generation slows down with the frames queued (performance.md).
        http2(peer, runner.quick ? 100 : 1000, 100);
        http2(peer, 10, runner.quick ? 1000 : 10_000);
    }

    /**
     * {@code fanout-max} over HTTP/2 (issue 30's yardstick): 1,000 streams on 10 connections, the rate doubled until
     * fewer than 95% of offered deliveries arrive, p99 passes 1 s, or a stream fails; the last rate that held, beside
     * the HTTP/1.1 ladder's figure. With {@code tls} ({@code fanout-max-h2-tls}), h2 by ALPN over TLS, the run's
     * test certificate served and trusted.
     */
    void fanoutMaxH2(Peer peer, boolean tls) throws Exception {
        String scenario = tls ? "fanout-max-h2-tls" : "fanout-max-h2";
        int connections = 10;
        int perConnection = 100;
        int streams = connections * perConnection;
        Double best = null;
        int bestRate = 0;
        String stop = "held the highest step: the limit is above it";
        for (int rate : runner.quick
                ? new int[] {100, 400, 1600}
                : new int[] {50, 100, 200, 400, 800, 1600, 3200, 6400, 12_800}) {
            List<String> serverFlags = new ArrayList<>(List.of("--h2-streams", Integer.toString(perConnection + 10)));
            serverFlags.addAll(runner.serverTls(tls));
            try (var server = ServerProcess.start(peer.command(rate, 100, serverFlags), Duration.ofSeconds(60))) {
                List<String> command = Runner.tool(
                        Runner.LOAD_JVM,
                        "load-h2",
                        "--url",
                        TlsRun.scheme(tls) + "://127.0.0.1:" + Runner.PORT + "/sse",
                        "--connections",
                        Integer.toString(connections),
                        "--streams",
                        Integer.toString(perConnection),
                        "--warmup",
                        runner.seconds(5, 3).toMillis() + "ms",
                        "--duration",
                        runner.seconds(10, 4).toMillis() + "ms");
                command.addAll(runner.tls.loadFlags(tls));
                var load = new LoadProcess(command);
                var result = load.result(300);
                runner.negotiated(scenario, load);
                double offered = (double) rate * streams;
                double delivered = result.get("deliveriesPerSecond");
                double p99 = result.get("p99Micros");
                System.err.printf(
                        "   rate %d: %.0f of %.0f/s, p99 %.1f ms, errors %.0f%n",
                        rate, delivered, offered, p99 / 1000, result.get("errors"));
                if (delivered < 0.95 * offered || p99 > 1_000_000 || result.get("errors") > 0) {
                    stop = String.format(
                            "stopped at %d events/s: %.0f%% of offered delivered, p99 %.0f ms, %.0f errors",
                            rate, 100 * delivered / offered, p99 / 1000, result.get("errors"));
                    break;
                }
                best = delivered;
                bestRate = rate;
            }
        }
        Map<String, Object> row = new LinkedHashMap<>();
        if (best != null) {
            row.put("max deliveries/s", best);
            row.put("at events/s", (double) bestRate);
        }
        runner.report.addRun(
                scenario, peer.label(), new Report.Measured(row, (best == null ? "no step held; " : "") + stop));
    }

    private void http2(Peer peer, int connections, int perConnection) throws Exception {
        try (var server = ServerProcess.start(
                peer.command(1, 100, List.of("--h2-streams", Integer.toString(perConnection + 10))),
                Duration.ofSeconds(60))) {
            List<String> command = Runner.tool(
                    Runner.LOAD_JVM,
                    "load-h2",
                    "--url",
                    "http://127.0.0.1:" + Runner.PORT + "/sse",
                    "--connections",
                    Integer.toString(connections),
                    "--streams",
                    Integer.toString(perConnection),
                    "--warmup",
                    runner.seconds(20, 4).toMillis() + "ms",
                    "--duration",
                    runner.seconds(20, 6).toMillis() + "ms");
            var load = new LoadProcess(command);
            Map<String, Object> row = new LinkedHashMap<>(PeerScenarios.latencyRow(load.result(600)));
            row.put("RSS MiB", server.rssKib() / 1024.0);
            String setup = String.format(Locale.ROOT, "%,d connections × %,d streams", connections, perConnection);
            runner.report.addRun("http2", peer.label(), setup, new Report.Measured(row, null));
        }
        Thread.sleep(2000);
    }

    /**
     * Several Spout nodes on one Redis: the first publishes 100 events/s, 1,000 clients spread over all nodes; and,
     * for the cost of the Redis hop, the same load on one node with the in-memory broker.
     */
    void redis(Peer peer) throws Exception {
        Path redisServer = Path.of("/usr/bin/redis-server");
        if (!Files.isExecutable(redisServer)) {
            runner.report.add("redis", peer.label(), Map.of(), "not run: redis-server is not installed");
            return;
        }
        int redisPort = Runner.PORT + 79;
        Process redis = startRedis(redisPort);
        try {
            String uri = "redis://127.0.0.1:" + redisPort;
            redisRow(peer, "in memory (1 node)", List.of(List.of()));
            for (int nodes = 1; nodes <= 3; nodes++) {
                List<List<String>> extras = new ArrayList<>();
                for (int n = 0; n < nodes; n++) {
                    extras.add(List.of("--redis", uri));
                }
                redisRow(peer, "Redis, " + nodes + (nodes == 1 ? " node" : " nodes"), extras);
            }
        } finally {
            redis.destroy();
            redis.waitFor();
        }
    }

    /** A throwaway redis-server on the port, without persistence; answers PING when this returns. */
    static Process startRedis(int port) throws Exception {
        Process redis = new ProcessBuilder(
                        "/usr/bin/redis-server",
                        "--port",
                        Integer.toString(port),
                        "--bind",
                        "127.0.0.1",
                        "--save",
                        "",
                        "--appendonly",
                        "no",
                        "--protected-mode",
                        "no")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        try (var client = io.lettuce.core.RedisClient.create("redis://127.0.0.1:" + port)) {
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (true) {
                try (var connection = client.connect()) {
                    connection.sync().ping();
                    return redis;
                } catch (io.lettuce.core.RedisConnectionException notYet) {
                    if (System.nanoTime() > deadline) {
                        redis.destroy();
                        throw notYet;
                    }
                    Thread.sleep(50);
                }
            }
        }
    }

    private void redisRow(Peer peer, String label, List<List<String>> nodes) throws Exception {
        List<ServerProcess> servers = new ArrayList<>();
        List<String> urls = new ArrayList<>();
        try {
            for (int n = 0; n < nodes.size(); n++) {
                List<String> command = new ArrayList<>(peer.command(n == 0 ? 100 : 0, 100, nodes.get(n)));
                int port = Runner.PORT + 1 + n;
                command.set(command.indexOf(Integer.toString(Runner.PORT)), Integer.toString(port));
                servers.add(ServerProcess.start(command, Duration.ofSeconds(60)));
                urls.add("http://127.0.0.1:" + port + peer.stream());
            }
            List<String> load = runner.load(peer.stream(), 1000, runner.seconds(10, 4), runner.seconds(20, 6));
            load.set(load.indexOf("--url") + 1, String.join(",", urls));
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("setup", label);
            row.putAll(PeerScenarios.latencyRow(new LoadProcess(load).result(300)));
            runner.report.add("redis", peer.label(), row, null);
        } finally {
            for (ServerProcess server : servers) {
                server.close();
            }
        }
    }
}
