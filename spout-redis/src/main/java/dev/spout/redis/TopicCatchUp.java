package dev.spout.redis;

import dev.spout.broker.internal.log.Logs;
import io.lettuce.core.RedisException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;

/**
 * The catch-ups of one followed topic from its stream: the latest events for a topic new to the node, else
 * everything after the last id it passed, a batch at a time, and then the messages that waited meanwhile. One runs at
 * a time; one asked for while another is under way runs when it ends. A read that fails is logged once and tried
 * again shortly. A stream that no longer has the last id the node passed, but older ones (a failover lost the last
 * entries), is read back to the last entry both have, from which the catch-up goes on ({@link StreamPosition}).
 *
 * <p>Guarded by the topic's lock (its monitor), never held during I/O: reads are sent outside it, and their replies,
 * on Lettuce's event loop, only change state and append under it.
 *
 * <pre>{@code
 * catchUps.start();                 // a message did not follow on, or the channel's subscription was confirmed
 * if (catchUps.underWayLocked()) hold(message);
 * }</pre>
 */
final class TopicCatchUp {
    private static final Logger LOG = Logs.logger(TopicCatchUp.class);

    /** None, one under way, or one under way and another wanted once it ends. */
    private enum State {
        NONE,
        UNDER_WAY,
        WANTED_AGAIN
    }

    private final RedisTopic topic;
    private final RedisBroker broker;
    private final StreamReads reads;
    private final TopicDelivery delivery;
    private State state = State.NONE; // may stay under way while the topic is idle: its read ends before another
    private boolean failing; // the last read failed: logged once, until one succeeds

    TopicCatchUp(RedisTopic topic, RedisBroker broker, StreamReads reads, TopicDelivery delivery) {
        this.topic = topic;
        this.broker = broker;
        this.reads = reads;
        this.delivery = delivery;
    }

    /** Under the lock: whether a catch-up is under way (messages then wait for it). */
    boolean underWayLocked() {
        return state != State.NONE;
    }

    /** Under the lock: the messages held were let go (too many): another catch-up reads them from the stream. */
    void letGoLocked() {
        if (state == State.UNDER_WAY) {
            state = State.WANTED_AGAIN;
        }
    }

    /** Starts a catch-up, or asks for another after the one under way. */
    void start() {
        String from;
        synchronized (topic) {
            if (!topic.followingLocked()) {
                return;
            }
            if (state != State.NONE) {
                state = State.WANTED_AGAIN;
                return;
            }
            state = State.UNDER_WAY;
            from = delivery.position.lastId();
        }
        read(from);
    }

    /** Reads the next part of the stream after {@code from} (null: the latest events, for a topic new here). */
    private void read(@Nullable String from) {
        try {
            int preload = Math.max(1, broker.settings.preload()); // at least the last id, to follow on from
            (from == null ? reads.latest(preload) : reads.after(from, TopicDelivery.BATCH))
                    .whenComplete((batch, failure) -> read(from, batch, failure));
        } catch (RedisException refused) { // not connected, or too many commands waiting: a failed read, retried
            read(from, null, refused);
        }
    }

    private void read(@Nullable String from, StreamReads.@Nullable Batch batch, @Nullable Throwable failure) {
        TopicDelivery.Outcome outcome;
        String next;
        boolean again = false;
        synchronized (topic) {
            if (!topic.followingLocked() || failure != null) {
                ended(topic.followingLocked() ? failure : null);
                return;
            }
            if (failing) {
                failing = false;
                LOG.info("Reading {} from Redis again, from id {}", topic.key, from);
            }
            outcome = delivery.apply(from, batch);
            next = delivery.position.lastId();
            if (outcome == TopicDelivery.Outcome.DONE) {
                boolean wantedAgain = state == State.WANTED_AGAIN;
                state = State.NONE;
                again = delivery.drain() || wantedAgain;
                topic.caughtUpLocked();
            }
        }
        switch (outcome) {
            case DIVERGED -> findCommon(from, batch.atOrBefore()); // still under way: messages wait
            case MORE -> read(next);
            case DONE -> {
                if (again) {
                    start();
                }
            }
        }
    }

    /**
     * The stream no longer has {@code from}, the last entry the node passed, but has older ones: a failover lost the
     * last entries. Which of the recent ones Redis still has tells where the stream went on without them.
     */
    private void findCommon(String from, String atOrBefore) {
        String oldest;
        synchronized (topic) {
            oldest = delivery.position.oldestKept();
        }
        try {
            reads.ids(oldest, from, 2 * RecentIds.SIZE)
                    .whenComplete((inRedis, failure) -> commonFound(atOrBefore, inRedis, failure));
        } catch (RedisException refused) {
            commonFound(atOrBefore, null, refused);
        }
    }

    private void commonFound(String atOrBefore, @Nullable List<String> inRedis, @Nullable Throwable failure) {
        String next;
        synchronized (topic) {
            if (!topic.followingLocked() || failure != null) {
                ended(topic.followingLocked() ? failure : null); // the next catch-up finds the change again
                return;
            }
            delivery.position.diverged(inRedis, atOrBefore);
            next = delivery.position.lastId();
        }
        read(next);
    }

    /** Under the lock: the catch-up ends early, the topic no longer followed, or a read failed (tried again soon). */
    private void ended(@Nullable Throwable failure) {
        state = State.NONE;
        if (failure == null) {
            return;
        }
        broker.readFailures.incrementAndGet();
        if (!failing) {
            failing = true;
            LOG.warn(
                    "Cannot read {} from Redis ({}); retrying from id {}",
                    topic.key,
                    failure.toString(),
                    delivery.position.lastId());
        }
        broker.retryLater(this::start);
    }
}
