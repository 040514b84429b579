package dev.spout.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What each master of a {@link LocalRedisCluster} had done at one moment, from its {@code INFO}: commands processed,
 * publishes (the publish script, {@code EVALSHA} or {@code EVAL}: one per event), CPU seconds, memory used. Two
 * snapshots give each master's rates over the time between them.
 *
 * <pre>{@code
 * var before = ShardSnapshot.take(cluster);
 * Thread.sleep(10_000);
 * List<ShardSnapshot.Rates> rates = ShardSnapshot.take(cluster).since(before);
 * }</pre>
 */
record ShardSnapshot(long nanos, List<Master> masters) {

    /** One master's counters. */
    record Master(int port, long commands, long publishes, double cpuSeconds, long usedMemory, long keys) {}

    /** One master's rates between two snapshots. */
    record Rates(
            int port, double commandsPerSecond, double publishesPerSecond, double cpuShare, double memoryPerSecond) {}

    static ShardSnapshot take(LocalRedisCluster cluster) {
        List<Master> masters = new ArrayList<>();
        for (int port : cluster.ports()) {
            Map<String, String> stats = cluster.info(port, "stats");
            Map<String, String> commands = cluster.info(port, "commandstats");
            Map<String, String> cpu = cluster.info(port, "cpu");
            Map<String, String> memory = cluster.info(port, "memory");
            Map<String, String> keyspace = cluster.info(port, "keyspace");
            masters.add(new Master(
                    port,
                    Long.parseLong(stats.get("total_commands_processed")),
                    calls(commands.get("cmdstat_evalsha")) + calls(commands.get("cmdstat_eval")),
                    Double.parseDouble(cpu.get("used_cpu_sys")) + Double.parseDouble(cpu.get("used_cpu_user")),
                    Long.parseLong(memory.get("used_memory")),
                    keys(keyspace.get("db0"))));
        }
        return new ShardSnapshot(System.nanoTime(), masters);
    }

    /** Each master's rates since the earlier snapshot, in the order of the masters. */
    List<Rates> since(ShardSnapshot earlier) {
        double seconds = (nanos - earlier.nanos) / 1e9;
        if (seconds <= 0) {
            throw new IllegalArgumentException("The earlier snapshot is not earlier");
        }
        List<Rates> rates = new ArrayList<>();
        for (int i = 0; i < masters.size(); i++) {
            Master now = masters.get(i);
            Master then = earlier.masters.get(i);
            rates.add(new Rates(
                    now.port(),
                    (now.commands() - then.commands()) / seconds,
                    (now.publishes() - then.publishes()) / seconds,
                    (now.cpuSeconds() - then.cpuSeconds()) / seconds,
                    (now.usedMemory() - then.usedMemory()) / seconds));
        }
        return rates;
    }

    /** Memory used on every master, in bytes. */
    long usedMemory() {
        return masters.stream().mapToLong(Master::usedMemory).sum();
    }

    /** Keys on every master. */
    long keys() {
        return masters.stream().mapToLong(Master::keys).sum();
    }

    /** {@code calls=12,usec=...} gives 12; a command never called has no line: 0. */
    static long calls(String commandStats) {
        if (commandStats == null) {
            return 0;
        }
        for (String field : commandStats.split(",")) {
            if (field.startsWith("calls=")) {
                return Long.parseLong(field.substring("calls=".length()));
            }
        }
        throw new IllegalStateException("No calls= in " + commandStats);
    }

    /** {@code keys=5,expires=5,avg_ttl=0} gives 5; an empty database has no line: 0. */
    static long keys(String keyspace) {
        if (keyspace == null) {
            return 0;
        }
        for (String field : keyspace.split(",")) {
            if (field.startsWith("keys=")) {
                return Long.parseLong(field.substring("keys=".length()));
            }
        }
        throw new IllegalStateException("No keys= in " + keyspace);
    }
}
