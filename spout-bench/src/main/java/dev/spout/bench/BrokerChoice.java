package dev.spout.bench;

import dev.spout.server.SpoutOptions;

/** The broker of the bench server: in memory by default; {@code --redis URI} is for the Redis module. */
final class BrokerChoice {
    private BrokerChoice() {}

    static void configure(SpoutOptions options, String redisUri) {
        if (redisUri != null) {
            throw new IllegalArgumentException(
                    "--redis needs the spout-redis module, which this build does not have yet");
        }
    }
}
