package dev.spout.redis;

import io.lettuce.core.RedisException;

/**
 * A publish that Redis wrote on its master, but that fewer replicas than {@link RedisBrokerBuilder#waitForReplicas}
 * asks for confirmed within its timeout. It may be lost if the master fails over now, or it may survive: it means
 * what a timeout means, so publish with an idempotency key and retry with the same key, which answers the event's id
 * if the event is still in the stream and publishes it again if a failover lost it.
 *
 * <pre>{@code
 * try {
 *     id = orders.publishOnce("order-42", SseEvent.of(json));
 * } catch (NotReplicatedException notYetSafe) {   // a replica is late or down
 *     id = orders.publishOnce("order-42", SseEvent.of(json)); // its id, or published again: once either way
 * }
 * }</pre>
 */
public final class NotReplicatedException extends RedisException {
    private static final long serialVersionUID = 1L;

    private final String id;
    private final int asked;
    private final long confirmed;

    NotReplicatedException(String id, int asked, long confirmed, long timeoutMillis) {
        super("Redis wrote event " + id + " on its master, but " + confirmed + " of the " + asked + " replicas asked"
                + " for confirmed it within " + timeoutMillis + " ms (RedisBrokerBuilder.waitForReplicas): it may be"
                + " lost if the master fails over now; publish it again with its idempotency key (publishOnce)");
        this.id = id;
        this.asked = asked;
        this.confirmed = confirmed;
    }

    /** The id the master gave the event. */
    public String id() {
        return id;
    }

    /** How many replicas were asked to have it. */
    public int asked() {
        return asked;
    }

    /** How many had it in time. */
    public long confirmed() {
        return confirmed;
    }
}
