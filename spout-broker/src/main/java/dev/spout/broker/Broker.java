package dev.spout.broker;

import dev.spout.sse.SseEvent;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Where a topic's events live and get their ids: the boundary between Spout's fan-out engine and the system that
 * orders events. The default keeps them in this process ({@link MemoryBroker}); a distributed broker (Redis
 * Streams, in {@code spout-redis}) lets several Spout nodes share topics. Applications only choose one, in {@code
 * Spout.create(options -> options.broker(...))}; their code does not change.
 *
 * <p>A broker delivers each topic's events to the node's {@link TopicLog} in one total order, with their ids; the
 * engine encodes each event once and fans the bytes out to every local subscriber.
 *
 * <pre>{@code
 * var app = Spout.create(options -> options.broker(new MemoryBroker()));
 * }</pre>
 */
public interface Broker extends AutoCloseable {

    /**
     * Connects a topic of this node to the broker. From now on the broker hands every event of the topic, in
     * order, to {@code log}; the returned handle publishes.
     */
    BrokerTopic attach(String topic, TopicLog log);

    /**
     * Publishes one event to several topics of this broker at once, with the same id in each, so that a stream
     * following more than one of them delivers it once. Completes with the id once it is in every topic's order.
     * The default takes a single topic only.
     *
     * @param topics handles this broker returned from {@link #attach}
     * @param event the event, already checked by the engine; it carries no id of its own
     * @param encoded its wire bytes without an {@code id} line
     */
    default CompletableFuture<String> publish(List<BrokerTopic> topics, SseEvent event, byte[] encoded) {
        if (topics.size() == 1) {
            return topics.getFirst().publish(event, encoded);
        }
        return CompletableFuture.failedFuture(new UnsupportedOperationException(
                getClass().getSimpleName() + " cannot publish one event to several topics at once"));
    }

    /** Where streams of several topics keep their starting positions (default: nowhere shared, see {@link Checkpoints#none()}). */
    default Checkpoints checkpoints() {
        return Checkpoints.none();
    }

    /** Stops delivering and releases the broker's resources. */
    /**
     * Whether the broker works now. A broker in this process (the memory broker) always does; one with connections
     * (Redis) says whether they are open and answering. It may take up to its command timeout: call it from a health
     * check, not on a hot path.
     */
    default BrokerHealth health() {
        return BrokerHealth.up(java.util.Map.of("broker", getClass().getSimpleName()));
    }

    @Override
    void close();
}
