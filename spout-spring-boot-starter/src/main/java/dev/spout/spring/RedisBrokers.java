package dev.spout.spring;

import dev.spout.broker.Broker;
import dev.spout.redis.RedisBroker;

/** Loaded only when spout-redis is on the class path ({@link Brokers} checks first). */
final class RedisBrokers {
    private RedisBrokers() {}

    static Broker connect(String uri, SpoutProperties.Redis redis) {
        return RedisBroker.builder(uri)
                .keyPrefix(redis.getKeyPrefix())
                .commandTimeout(redis.getCommandTimeout())
                .build();
    }
}
