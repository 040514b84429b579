package dev.spout.broker;

import dev.spout.sse.SseEvent;
import java.util.concurrent.CompletableFuture;

/**
 * One topic as a broker holds it: publishing appends an event to the topic's single order.
 *
 * <pre>{@code
 * BrokerTopic topic = broker.attach("prices", log);
 * String id = topic.publish(SseEvent.of("42")).join();
 * }</pre>
 */
public interface BrokerTopic {

    /**
     * Appends the event to the topic and completes with its id once it is in the topic's order; the event then
     * reaches every node's {@link TopicLog}. Completes exceptionally, never silently, if the event could not be
     * stored. An event's own id is kept where the broker allows it; otherwise the broker assigns one.
     */
    CompletableFuture<String> publish(SseEvent event);

    /** Detaches the topic: no more deliveries. */
    void close();
}
