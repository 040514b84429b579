package dev.spout.broker;

import dev.spout.sse.SseEvent;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * One topic as a broker holds it: publishing appends an event to the topic's single order.
 *
 * <pre>{@code
 * BrokerTopic topic = broker.attach("prices", log);
 * SseEvent event = SseEvent.of("42");
 * String id = topic.publish(event, SseEncoder.encode(event)).join();
 * }</pre>
 */
public interface BrokerTopic {

    /**
     * Appends the event to the topic and completes with its id once it is in the topic's order; the event then
     * reaches every node's {@link TopicLog}. Completes exceptionally, never silently, if the event could not be
     * stored. An event's own id is kept where the broker allows it; otherwise the broker assigns one.
     *
     * @param event the event, already checked by the engine: it can be written
     * @param encoded its wire bytes without an {@code id} line, encoded once by the engine; a broker that hands
     *     them to {@link TopicLog#append} (in {@link StoredEvent#encoded()}) spares every node from encoding again
     */
    CompletableFuture<String> publish(SseEvent event, byte[] encoded);

    /**
     * {@link #publish(SseEvent, byte[])} with labels, which every node's {@link TopicLog} gets back in {@link
     * StoredEvent#labels()}. A broker that cannot carry them completes exceptionally rather than drop them.
     *
     * @param labels what the publisher says of the event besides it, each without CR, LF or NUL
     */
    default CompletableFuture<String> publish(SseEvent event, byte[] encoded, List<String> labels) {
        if (labels.isEmpty()) {
            return publish(event, encoded);
        }
        return CompletableFuture.failedFuture(
                new UnsupportedOperationException(getClass().getSimpleName() + " cannot carry an event's labels"));
    }

    /**
     * At most {@code limit} events after {@code afterId} up to and including {@code upToId}, oldest first, if the
     * broker still holds every event after {@code afterId}; an empty result if it does not (trimmed, or ids it does
     * not know). An empty {@code afterId} means from the topic's very first event. The engine asks when a client
     * resumes from an id older than this node's history, a page at a time as the client reads, so replay reaches as
     * far back as the broker keeps events with a bounded part of them in memory per client. Must not block: it
     * completes when the broker answers (appends go on meanwhile), and a page is small, so other reads are not held
     * up behind it.
     */
    default CompletableFuture<Optional<List<StoredEvent>>> readPage(String afterId, String upToId, int limit) {
        return CompletableFuture.completedFuture(Optional.empty());
    }

    /**
     * This node has subscribers of the topic, or one is about to start: deliver its events to the log from now on,
     * caught up with everything the node has not had yet. Returns once caught up (or, if the broker cannot be
     * reached, after its timeout, logged; delivery then catches up when it can). A broker may stop delivering a
     * topic while its log has no subscribers ({@link TopicLog#hasSubscribers()}); the default delivers always.
     */
    default void follow() {}

    /**
     * Whether every event the topic ever has reaches this node's log: true for a topic that begins when it is
     * attached (the memory broker), false for one that may have had events before (a shared store). Lets a stream
     * that knew the topic empty resume from its beginning out of the node's own history.
     */
    default boolean beginsAtAttach() {
        return false;
    }

    /** Detaches the topic: no more deliveries. */
    void close();
}
