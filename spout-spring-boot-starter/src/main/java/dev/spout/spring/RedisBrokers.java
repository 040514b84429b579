package dev.spout.spring;

import dev.spout.broker.Broker;
import dev.spout.redis.RedisBroker;
import dev.spout.redis.RedisBrokerBuilder;

/** Loaded only when spout-redis is on the class path ({@link Brokers} checks first). */
final class RedisBrokers {
    private RedisBrokers() {}

    static Broker connect(String uri, SpoutProperties.Redis redis) {
        RedisBrokerBuilder builder = RedisBroker.builder(uri);
        if (redis.getKeyPrefix() != null) {
            builder.keyPrefix(redis.getKeyPrefix());
        }
        if (redis.getCommandTimeout() != null) {
            builder.commandTimeout(redis.getCommandTimeout());
        }
        return builder.build();
    }
}
