package dev.spout.redis;

import io.lettuce.core.RedisURI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The Redis a broker is given, as one string: a server ({@code redis://host:port}), a Redis Cluster's seeds
 * separated by commas ({@code redis://10.0.0.1:7000,redis://10.0.0.2:7000}; a seed without a scheme,
 * {@code 10.0.0.2:7000}, takes the first one's scheme, credentials and settings), or a Sentinel URI, which Lettuce
 * reads whole, its own commas included ({@code redis-sentinel://s1:26379,s2:26379#mymaster}). Whether the seeds are a
 * cluster is not said here: the broker asks the node ({@link RedisConnections#open}).
 *
 * <pre>{@code
 * List<RedisURI> seeds = RedisSeeds.parse("redis://127.0.0.1:7000,127.0.0.1:7001");
 * }</pre>
 */
final class RedisSeeds {
    private RedisSeeds() {}

    static List<RedisURI> parse(String uris) {
        String all = uris.strip();
        if (all.isEmpty()) {
            throw new IllegalArgumentException("A Redis URI is needed, such as redis://127.0.0.1:6379 (or a Redis"
                    + " Cluster's seeds separated by commas)");
        }
        if (all.toLowerCase(Locale.ROOT).startsWith("redis-sentinel")) {
            return List.of(uri(all)); // several sentinels are Lettuce's own comma syntax, in one URI
        }
        List<RedisURI> seeds = new ArrayList<>();
        for (String part : all.split(",", -1)) {
            String seed = part.strip();
            if (seed.isEmpty()) {
                throw new IllegalArgumentException("An empty Redis URI in the list: " + uris);
            }
            seeds.add(seed.contains("://") || seeds.isEmpty() ? uri(seed) : sibling(seeds.getFirst(), seed));
        }
        return List.copyOf(seeds);
    }

    private static RedisURI uri(String seed) {
        try {
            return RedisURI.create(seed);
        } catch (IllegalArgumentException bad) {
            throw new IllegalArgumentException(
                    "Not a Redis URI: " + seed + " (expected redis://host:port): " + bad.getMessage(), bad);
        }
    }

    /** {@code host:port} as another node of the first seed's deployment: its scheme, password and settings. */
    private static RedisURI sibling(RedisURI first, String hostAndPort) {
        int colon = hostAndPort.lastIndexOf(':');
        String host = colon < 0 ? hostAndPort : hostAndPort.substring(0, colon);
        int port = RedisURI.DEFAULT_REDIS_PORT;
        if (colon >= 0 && !hostAndPort.endsWith("]")) {
            try {
                port = Integer.parseInt(hostAndPort.substring(colon + 1));
            } catch (NumberFormatException notAPort) {
                throw new IllegalArgumentException(
                        "Not a Redis seed: " + hostAndPort + " (expected host:port or redis://host:port)", notAPort);
            }
        } else if (colon >= 0) {
            host = hostAndPort; // [::1] alone: the colon was the address's
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return RedisURI.builder(first).withHost(host).withPort(port).build();
    }
}
