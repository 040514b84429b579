package dev.spout.broker;

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

    /** Stops delivering and releases the broker's resources. */
    @Override
    void close();
}
