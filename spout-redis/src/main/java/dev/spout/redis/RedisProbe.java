package dev.spout.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.resource.ClientResources;
import java.time.Duration;
import java.util.List;

/**
 * Asks Redis what it is before the broker connects for good: {@code INFO cluster} says whether the node is part of
 * a Redis Cluster ({@code cluster_enabled:1}), so one URI (or list of seeds) is all a deployment configures, whichever
 * Redis it runs. A cluster node must be Redis 7 or later, for sharded pub/sub. One short-lived connection, to the
 * first seed that answers.
 *
 * <pre>{@code
 * boolean cluster = RedisProbe.isCluster(RedisSeeds.parse("redis://127.0.0.1:7000"), resources);
 * }</pre>
 */
final class RedisProbe {
    private RedisProbe() {}

    /**
     * Whether the first seed that answers is a cluster node.
     *
     * @throws RedisConnectionException if none answers, with each seed's failure attached
     * @throws IllegalStateException if it is a cluster node older than Redis 7
     */
    static boolean isCluster(List<RedisURI> seeds, ClientResources resources) {
        RedisClient client = RedisClient.create(resources);
        RedisConnectionException none = new RedisConnectionException("No Redis answered at " + seeds);
        try {
            for (RedisURI seed : seeds) {
                try (var connection = client.connect(seed)) {
                    var commands = connection.sync();
                    if (!field(commands.info("cluster"), "cluster_enabled").equals("1")) {
                        return false;
                    }
                    String version = field(commands.info("server"), "redis_version");
                    if (major(version) < 7) {
                        throw new IllegalStateException("Spout on a Redis Cluster needs Redis 7 or later, for sharded"
                                + " pub/sub (SPUBLISH, SSUBSCRIBE); " + seed + " runs Redis " + version);
                    }
                    return true;
                } catch (RedisConnectionException unreachable) {
                    none.addSuppressed(unreachable); // the next seed may answer
                }
            }
            throw none;
        } finally {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
    }

    /** A field of INFO's answer ({@code name:value} lines), or "" if it has none. */
    static String field(String info, String name) {
        return info.lines()
                .filter(line -> line.startsWith(name + ":"))
                .map(line -> line.substring(name.length() + 1).strip())
                .findFirst()
                .orElse("");
    }

    private static int major(String version) {
        int dot = version.indexOf('.');
        try {
            return Integer.parseInt(dot < 0 ? version : version.substring(0, dot));
        } catch (NumberFormatException unknown) {
            return Integer.MAX_VALUE; // a version Spout cannot read: let SSUBSCRIBE say whether it works
        }
    }
}
