package dev.spout.redis;

import dev.spout.engine.topic.Topic;
import dev.spout.server.Spout;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;

/**
 * What waiting for a replica ({@link RedisBrokerBuilder#waitForReplicas}) costs a publish, measured on a real master
 * and replica on loopback: publishes a second and each publish's latency (median, 99th percentile), one publisher at
 * a time and 64 at once, without and with the option. A measurement, not a test: it prints, asserts nothing, and runs
 * only when asked (a few seconds). The figures in docs/redis.md come from it.
 *
 * <pre>{@code
 * ./mvnw -q -o test-compile -pl spout-redis
 * ./mvnw -q -o dependency:build-classpath -pl spout-redis -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test
 * java -cp spout-redis/target/test-classes:spout-redis/target/classes:$(cat /tmp/cp.txt) dev.spout.redis.ReplicaWaitCost
 * }</pre>
 */
public final class ReplicaWaitCost {
    private static final int ALONE = 2_000;
    private static final int TOGETHER = 64;
    private static final int EACH = 300;

    private ReplicaWaitCost() {}

    public static void main(String[] args) throws Exception {
        try (var redis = ReplicatedRedis.start()) {
            System.out.printf("%-40s %12s %10s %10s%n", "run", "publishes/s", "p50 ms", "p99 ms");
            for (int round = 0; round < 2; round++) { // the first round warms the JIT and the scripts up
                boolean print = round == 1;
                measure(redis, "no wait", builder -> builder, print);
                measure(
                        redis,
                        "waitForReplicas(1, 500 ms)",
                        builder -> builder.waitForReplicas(1, Duration.ofMillis(500)),
                        print);
            }
            String stats = redis.master.ask(master -> master.info("commandstats"));
            System.out.println("On the master, EVALSHA " + RedisProbe.field(stats, "cmdstat_evalsha") + "; WAIT "
                    + RedisProbe.field(stats, "cmdstat_wait"));
        }
    }

    private static void measure(
            ReplicatedRedis redis, String name, UnaryOperator<RedisBrokerBuilder> settings, boolean print)
            throws Exception {
        var broker = settings.apply(RedisBroker.builder(redis.master.uri())).build();
        var node = Spout.create(options -> options.broker(broker));
        node.start("127.0.0.1", 0);
        try {
            Topic topic = node.topic("cost");
            long[] alone = new long[ALONE];
            long started = System.nanoTime();
            for (int i = 0; i < ALONE; i++) {
                long before = System.nanoTime();
                topic.publish("event " + i);
                alone[i] = System.nanoTime() - before;
            }
            report(print, name + ", one at a time", ALONE, System.nanoTime() - started, alone);

            List<Future<long[]>> publishers = new ArrayList<>();
            started = System.nanoTime();
            try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int p = 0; p < TOGETHER; p++) {
                    publishers.add(threads.submit(() -> {
                        long[] took = new long[EACH];
                        for (int i = 0; i < EACH; i++) {
                            long before = System.nanoTime();
                            topic.publish("event " + i);
                            took[i] = System.nanoTime() - before;
                        }
                        return took;
                    }));
                }
            }
            long elapsed = System.nanoTime() - started;
            long[] together = new long[TOGETHER * EACH];
            for (int p = 0; p < TOGETHER; p++) {
                System.arraycopy(publishers.get(p).get(), 0, together, p * EACH, EACH);
            }
            report(print, name + ", " + TOGETHER + " at once", together.length, elapsed, together);
        } finally {
            node.close();
        }
    }

    private static void report(boolean print, String run, int publishes, long elapsedNanos, long[] latencies) {
        if (!print) {
            return;
        }
        Arrays.sort(latencies);
        System.out.printf(
                "%-40s %12.0f %10.2f %10.2f%n",
                run,
                publishes / (elapsedNanos / 1e9),
                latencies[latencies.length / 2] / 1e6,
                latencies[(int) (latencies.length * 0.99)] / 1e6);
    }
}
