package dev.spout.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The {@code topics} scenario: many topics chosen per request, against the one-topic shape at the same deliveries
 * per second; what idle topics cost; topics on demand created and abandoned by the million; a stream of 100 topics
 * resumed again and again under load; and the same on two nodes over Redis, with the connections each node holds.
 */
final class TopicScenarios {
    private static final int DELIVERIES = 10_000; // per second, in both shapes

    private final Runner runner;

    TopicScenarios(Runner runner) {
        this.runner = runner;
    }

    void run(Peer peer) throws Exception {
        int topics = runner.quick ? 2000 : 10_000;
        String oneTopic = "1 topic × " + topics + " subscribers, " + DELIVERIES / topics + " event/s";
        String manyTopics = topics + " topics × 1 subscriber, " + DELIVERIES + " events/s in all";
        part(peer, () -> shape(peer, oneTopic, 1, DELIVERIES / topics, topics));
        part(peer, () -> shape(peer, manyTopics, topics, DELIVERIES, topics));
        part(peer, () -> idleTopics(peer, runner.quick ? 20_000 : 100_000));
        part(peer, () -> churn(runner.quick ? 200_000 : 1_000_000));
        part(peer, () -> resume(peer));
        part(peer, () -> redis(peer, topics));
    }

    private interface Part {
        void run() throws Exception;
    }

    /** Runs one part; a failure is its row, and the other parts still run. */
    private void part(Peer peer, Part part) throws InterruptedException {
        try {
            part.run();
        } catch (Exception failure) {
            String why =
                    String.valueOf(failure.getMessage()).lines().findFirst().orElse("");
            runner.report.add("topics", peer.label(), Map.of(), "failed: " + why);
            System.err.println("   failed: " + failure);
        }
        Thread.sleep(2000); // sockets in TIME_WAIT and the CPU settle between parts
    }

    /** {@code topics} topics, {@code rate} events/s in all, one stream per subscriber, each topic as many. */
    private void shape(Peer peer, String label, int topics, double rate, int streams) throws Exception {
        List<String> args = List.of("--topics", Integer.toString(topics));
        try (var server = ServerProcess.start(command(peer, rate, args), Duration.ofSeconds(60))) {
            var result = new LoadProcess(load(List.of(Runner.PORT), streams, topics)).result(300);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("setup", label);
            row.putAll(PeerScenarios.latencyRow(result));
            row.put("delivered %", 100 * result.get("deliveriesPerSecond") / (rate * streams / topics));
            row.put("RSS MiB", server.rssKib() / 1024.0);
            runner.report.add("topics", peer.label(), row, null);
        }
    }

    /** Heap after GC of a server with that many topics, none subscribed to, against one with a single topic. */
    private void idleTopics(Peer peer, int topics) throws Exception {
        long one;
        try (var server = ServerProcess.start(command(peer, 0, List.of("--topics", "1")), Duration.ofSeconds(60))) {
            one = server.heapAfterGcKib();
        }
        try (var server = ServerProcess.start(
                command(peer, 0, List.of("--topics", Integer.toString(topics))), Duration.ofSeconds(120))) {
            long many = server.heapAfterGcKib();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("setup", topics + " idle topics in one process");
            row.put("heap KiB/topic", (many - one) / (double) (topics - 1));
            row.put("heap MiB", many / 1024.0);
            row.put("RSS MiB", server.rssKib() / 1024.0);
            runner.report.add("topics", peer.label(), row, null);
        }
    }

    /** Topics on demand created and abandoned: the heap after GC before, at the fullest, after they are reclaimed. */
    private void churn(int topics) throws Exception {
        List<String> command =
                Runner.tool(Runner.SERVER_JVM, "churn", "--topics", Integer.toString(topics), "--wave", "100000");
        var result = new LoadProcess(command).result(600);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("setup", topics + " topics on demand created (100,000 at a time) and abandoned");
        row.put("heap before MiB", result.get("heapBeforeKiB") / 1024);
        row.put("heap fullest MiB", result.get("heapFullestKiB") / 1024);
        row.put("heap after MiB", result.get("heapAfterKiB") / 1024);
        row.put("seconds", result.get("seconds"));
        runner.report.add("topics", "Spout", row, null);
    }

    /** A stream of 100 topics dropped and resumed 50 times at 20,000 events/s: lost, duplicated, resume time. */
    private void resume(Peer peer) throws Exception {
        try (var server =
                ServerProcess.start(command(peer, 20_000, List.of("--topics", "100")), Duration.ofSeconds(60))) {
            List<String> command = Runner.tool(
                    Runner.LOAD_JVM,
                    "resume-probe",
                    "--url",
                    "http://127.0.0.1:" + Runner.PORT + "/sse",
                    "--topics",
                    "100",
                    "--rate",
                    "20000",
                    "--drops",
                    "50");
            var result = new LoadProcess(command).result(300);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("setup", "1 stream of 100 topics, 20,000 events/s, dropped and resumed");
            row.put("resumes", result.get("resumes"));
            row.put("events", result.get("events"));
            row.put("lost", result.get("lost"));
            row.put("duplicated", result.get("duplicated"));
            row.put("longest id (chars)", result.get("maxIdChars"));
            row.put("resume p50 ms", result.get("resumeP50Ms"));
            row.put("resume p99 ms", result.get("resumeP99Ms"));
            row.put("ended by the server", result.get("endedByServer"));
            runner.report.add("topics", peer.label(), row, null);
        }
    }

    /** Two nodes on one Redis: one topic, then many, subscribers spread over both; connections per node. */
    private void redis(Peer peer, int topics) throws Exception {
        if (!java.nio.file.Files.isExecutable(java.nio.file.Path.of("/usr/bin/redis-server"))) {
            runner.report.add("topics", peer.label(), Map.of(), "Redis rows not run: redis-server is not installed");
            return;
        }
        int redisPort = Runner.PORT + 79;
        Process redis = SpoutScenarios.startRedis(redisPort);
        try {
            String uri = "redis://127.0.0.1:" + redisPort;
            redisRow(peer, uri, "Redis, 2 nodes, 1 topic × " + topics + " subscribers", 1, DELIVERIES / topics, topics);
            redisRow(peer, uri, "Redis, 2 nodes, " + topics + " topics × 1 subscriber", topics, DELIVERIES, topics);
        } finally {
            redis.destroy();
            redis.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private void redisRow(Peer peer, String uri, String label, int topics, double rate, int streams) throws Exception {
        List<ServerProcess> servers = new ArrayList<>();
        try {
            for (int n = 0; n < 2; n++) {
                List<String> command =
                        command(peer, n == 0 ? rate : 0, List.of("--topics", Integer.toString(topics), "--redis", uri));
                command.set(command.indexOf(Integer.toString(Runner.PORT)), Integer.toString(Runner.PORT + 1 + n));
                servers.add(ServerProcess.start(command, Duration.ofSeconds(120)));
            }
            var result = new LoadProcess(load(List.of(Runner.PORT + 1, Runner.PORT + 2), streams, topics)).result(300);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("setup", label);
            row.putAll(PeerScenarios.latencyRow(result));
            row.put("delivered %", 100 * result.get("deliveriesPerSecond") / (rate * streams / topics));
            row.put("Redis connections/node", redisConnections(uri, Runner.PORT + 1, Runner.PORT + 2));
            runner.report.add("topics", peer.label(), row, null);
        } finally {
            for (ServerProcess server : servers) {
                server.close();
            }
        }
    }

    /** The most connections any of the nodes holds, as Redis's CLIENT LIST names them. */
    private static long redisConnections(String uri, int... ports) {
        var client = io.lettuce.core.RedisClient.create(uri);
        try (var connection = client.connect()) {
            String list = connection.sync().clientList();
            long most = 0;
            for (int port : ports) {
                String name = " name=spout-bench-" + port + " ";
                most = Math.max(most, list.lines().filter(l -> l.contains(name)).count());
            }
            return most;
        } finally {
            client.shutdown();
        }
    }

    private static List<String> command(Peer peer, double rate, List<String> extra) {
        List<String> command = new ArrayList<>(peer.command(0, 100, extra));
        command.set(
                command.indexOf("--rate") + 1,
                rate == Math.rint(rate) ? Long.toString((long) rate) : Double.toString(rate));
        return command;
    }

    private List<String> load(List<Integer> ports, int streams, int topics) {
        List<String> command = runner.load("/sse", streams, runner.seconds(10, 4), runner.seconds(20, 6));
        List<String> urls =
                ports.stream().map(p -> "http://127.0.0.1:" + p + "/sse").toList();
        command.set(command.indexOf("--url") + 1, String.join(",", urls));
        if (topics > 1) {
            command.addAll(List.of("--topics", Integer.toString(topics)));
        }
        return command;
    }
}
