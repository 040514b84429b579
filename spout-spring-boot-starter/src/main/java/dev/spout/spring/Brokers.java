package dev.spout.spring;

import dev.spout.broker.Broker;
import org.jspecify.annotations.Nullable;
import org.springframework.util.ClassUtils;

/**
 * The broker the properties ask for: Redis when {@code spout.redis.uri} is set (Spout's own Lettuce connections;
 * Spring Data Redis and its {@code RedisConnectionFactory} are not involved), else none (the engine's in-memory
 * broker). spout-redis is optional: asking for Redis without it fails at start, saying what to add.
 */
final class Brokers {
    private static final String REDIS_BROKER = "dev.spout.redis.RedisBroker";

    private Brokers() {}

    static @Nullable Broker fromProperties(SpoutProperties.Redis redis, @Nullable ClassLoader classes) {
        String uri = redis.getUri();
        if (uri == null || uri.isBlank()) {
            return null;
        }
        if (!ClassUtils.isPresent(REDIS_BROKER, classes)) {
            throw new IllegalStateException("spout.redis.uri is set (" + uri + "), but Spout's Redis broker is not on"
                    + " the class path: add the dependency dev.spout:spout-redis");
        }
        return RedisBrokers.connect(uri, redis);
    }
}
