package dev.spout.redis;

/**
 * What a node's Redis broker has done, for dashboards and alerts.
 *
 * <pre>{@code
 * RedisStats stats = broker.stats();
 * if (stats.lagMillis() > 1000) {
 *     log.warn("Redis lags {} ms behind", stats.lagMillis());
 * }
 * }</pre>
 *
 * @param published events appended to Redis by this node
 * @param publishFailures publishes that failed (Redis unreachable, timeout, too many waiting): each one was
 *     reported to its caller
 * @param publishesRefused of those, the ones refused at once because as many as the broker holds already waited
 *     ({@link RedisBrokerBuilder#maxPublishesWaiting}): nothing of them was written
 * @param publishesWaiting publishes waiting now for their turn to be sent, behind those in flight
 * @param received events read from Redis and handed to this node's topics
 * @param readFailures failed reads; the reader retried and resumed from the last id it saw
 * @param losses times a topic here found that Redis no longer had events it had not read yet (trimmed meanwhile) or
 *     had passed already (lost when a master failed over to a replica that had not received them): each time the
 *     topic's streams ended, so that its clients resume by its gap policy, and the reason was logged
 * @param lagMillis how old the last event received was when it arrived: the Redis hop plus any backlog
 * @param topics topics this node has now
 * @param following of those, the ones it reads (it has subscribers of them, or had a moment ago)
 */
public record RedisStats(
        long published,
        long publishFailures,
        long publishesRefused,
        int publishesWaiting,
        long received,
        long readFailures,
        long losses,
        long lagMillis,
        int topics,
        int following) {}
