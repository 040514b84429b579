package dev.spout.bench;

import dev.spout.redis.RedisBroker;
import dev.spout.server.SpoutOptions;

/**
 * The broker of the bench server: in memory by default; with {@code --redis URI}, Redis Streams, so several bench
 * servers on different ports form one cluster (a POST /publish on any node reaches GET /sse on every node).
 */
final class BrokerChoice {
    private BrokerChoice() {}

    /** With Redis, the node's connections are named {@code spout-bench-<port>} in Redis's CLIENT LIST. */
    static void configure(SpoutOptions options, String redisUri, int port) {
        if (redisUri != null) {
            options.broker(RedisBroker.builder(redisUri)
                    .clientName("spout-bench-" + port)
                    .build());
        }
    }
}
