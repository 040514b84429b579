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

    /**
     * Publishes one event to these topics (one, or several at once as {@link #publish(List, SseEvent, byte[])} does)
     * unless a publish with the same idempotency key reached any of them within the broker's window: then nothing is
     * published, and the future completes with the id that earlier publish got. So a publisher that does not know
     * whether a publish happened (its answer lost, a timeout) publishes again with the same key, and the event is in
     * the topics once. Keys are per topic, and remembered for the broker's window (in memory: a bounded number per
     * topic too); checking the key and publishing is one atomic step, so two racing retries publish once. The default
     * refuses: a broker that cannot remember keys says so rather than publish twice.
     *
     * <pre>{@code
     * String id = broker.publishOnce("order-42", List.of(orders), event, encoded, List.of()).join();
     * String again = broker.publishOnce("order-42", List.of(orders), event, encoded, List.of()).join(); // == id
     * }</pre>
     *
     * @param key the publisher's idempotency key, checked by the engine: 1 to 256 characters, no CR, LF or NUL
     * @param topics handles this broker returned from {@link #attach}
     * @param event the event, already checked by the engine
     * @param encoded its wire bytes without an {@code id} line
     * @param labels its labels, as in {@link BrokerTopic#publish(SseEvent, byte[], List)}
     */
    default CompletableFuture<String> publishOnce(
            String key, List<BrokerTopic> topics, SseEvent event, byte[] encoded, List<String> labels) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException(
                getClass().getSimpleName() + " cannot publish with an idempotency key"));
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
