package dev.spout.bench;

import dev.spout.bench.common.Args;
import dev.spout.server.Spout;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Locale;

/**
 * Topics on demand, created and abandoned by the million: waves of topics (pattern {@code u/*}, history of one
 * event for half a second) each get one event and are left; the application reclaims them once their history has
 * expired. Measures the heap after a full GC before, at the fullest and after, in this process.
 *
 * <pre>
 * java -Xmx2g -jar spout-bench.jar churn --topics 1000000 --wave 100000
 * </pre>
 *
 * Prints one line of JSON.
 */
final class TopicChurn {
    private TopicChurn() {}

    static void main(Args args) throws Exception {
        int total = args.integer("topics", 1_000_000);
        int wave = args.integer("wave", 100_000);
        Duration timeout = args.duration("timeout", Duration.ofSeconds(300));
        try (Spout app = Spout.create()) {
            app.topicPattern("u/*", t -> t.history(1, Duration.ofMillis(500)).maxTopics(wave));
            app.start("127.0.0.1", 0);
            long before = heapAfterGcKib();
            long fullest = 0;
            long deadline = System.nanoTime() + timeout.toNanos();
            long started = System.nanoTime();
            for (int created = 0; created < total; ) {
                int end = Math.min(total, created + wave);
                for (int i = created; i < end; i++) {
                    app.topic("u/" + i).publish("x");
                }
                created = end;
                fullest = Math.max(fullest, heapAfterGcKib());
                while (!app.topics().isEmpty() && System.nanoTime() < deadline) {
                    Thread.sleep(100); // the expiry pass runs once a second
                }
                if (!app.topics().isEmpty()) {
                    throw new IllegalStateException(app.topics().size() + " topics were not reclaimed in time");
                }
            }
            long after = heapAfterGcKib();
            System.out.println(String.format(
                    Locale.ROOT,
                    "{\"created\":%d,\"wave\":%d,\"heapBeforeKiB\":%d,\"heapFullestKiB\":%d,\"heapAfterKiB\":%d,"
                            + "\"seconds\":%.1f}",
                    total,
                    wave,
                    before,
                    fullest,
                    after,
                    (System.nanoTime() - started) / 1e9));
        }
        System.exit(0);
    }

    private static long heapAfterGcKib() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1024;
    }
}
