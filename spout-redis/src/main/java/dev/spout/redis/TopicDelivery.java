package dev.spout.redis;

import dev.spout.broker.StoredEvent;
import dev.spout.broker.TopicLog;
import io.lettuce.core.StreamMessage;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a node hands to its log of one topic, from the stream's catch-ups and the channel's messages: each entry
 * once, in the stream's order, and, before the next ones, that events were lost if they were ({@link
 * StreamPosition}); messages that cannot be delivered yet wait ({@link HeldMessages}). Called under the topic's lock,
 * from Lettuce's event loop: no I/O, only state and appends.
 *
 * <pre>{@code
 * switch (delivery.apply(from, batch)) {
 *     case DIVERGED -> ... // find where the stream went its own way first
 *     case MORE -> read(delivery.position.lastId());
 *     case DONE -> delivery.drain();
 * }
 * }</pre>
 */
final class TopicDelivery {
    static final int BATCH = 1000;

    /** What a batch of a catch-up came to. */
    enum Outcome {
        /** The stream no longer has the entry the batch was read after: nothing of it delivered. */
        DIVERGED,
        /** Delivered, and the batch was full: more may follow. */
        MORE,
        /** Delivered: the catch-up reached the stream's end. */
        DONE
    }

    final StreamPosition position = new StreamPosition();
    private final HeldMessages held = new HeldMessages();
    private final RedisBroker broker;
    private final TopicLog log;
    private final String name;

    TopicDelivery(RedisBroker broker, TopicLog log, String name) {
        this.broker = broker;
        this.log = log;
        this.name = name;
    }

    /**
     * Delivers a catch-up's batch read after {@code from} (null: the latest entries, of which only the last {@code
     * preload} are kept as events), unless the stream no longer goes on from there.
     */
    Outcome apply(@Nullable String from, StreamReads.Batch batch) {
        List<StreamMessage<String, String>> entries = batch.entries();
        switch (position.check(from, batch.atOrBefore(), entries.isEmpty())) {
            case GOES_ON -> {}
            case TRIMMED ->
                position.lost("Redis no longer has the events up to " + from + " (its oldest now is "
                        + entries.getFirst().getId() + "): trimmed while this node did not read them, or lost in a"
                        + " failover");
            case DIVERGED -> {
                return Outcome.DIVERGED;
            }
        }
        toldLoss();
        int preload = broker.settings.preload();
        for (int i = 0; i < entries.size(); i++) {
            StreamMessage<String, String> entry = entries.get(i);
            if (position.had(entry.getId())) {
                continue;
            }
            if (from == null && i < entries.size() - preload) {
                position.passed(entry.getId()); // only the place to follow on from, not an event to keep
                continue;
            }
            deliver(RedisEvents.fromEntry(entry, name), from != null);
        }
        return from != null && entries.size() == BATCH ? Outcome.MORE : Outcome.DONE;
    }

    /**
     * A message of the channel while no catch-up is under way: delivered if it follows on, dropped if it was
     * delivered already; else held, and false: some message did not come, or this is not the stream the node read
     * (a new master's entry at or before the node's last id), and the stream must be read.
     */
    boolean live(RedisEvents.Message message) {
        if (position.had(message.event().id())) {
            return true; // had it already, from a catch-up
        }
        if (position.followsOn(message)) {
            deliver(message.event(), true);
            return true;
        }
        held.hold(message);
        return false;
    }

    /** Holds a message until the catch-up under way ends; false if the bound let the held ones go (read them again). */
    boolean hold(RedisEvents.Message message) {
        return held.hold(message);
    }

    void clearHeld() {
        held.clear();
    }

    /** Delivers the messages that waited and now follow on; true if one does not (another catch-up is needed). */
    boolean drain() {
        for (RedisEvents.Message next; (next = held.takeNext(position)) != null; ) {
            deliver(next.event(), true);
        }
        return !held.isEmpty();
    }

    void deliver(StoredEvent event, boolean live) {
        position.passed(event.id());
        log.append(event);
        if (live) {
            broker.received.incrementAndGet();
            broker.lagMillis.set(Math.max(0, System.currentTimeMillis() - event.timestampMillis()));
        }
    }

    /** Tells the topic's log that events were lost, if they were, before the next ones are appended. */
    private void toldLoss() {
        String loss = position.takeLoss();
        if (loss != null) {
            broker.losses.incrementAndGet();
            log.lost(loss); // the node's history up to here cannot be trusted: its streams end, the gap policy decides
        }
    }
}
