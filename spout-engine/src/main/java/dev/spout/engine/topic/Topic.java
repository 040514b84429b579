package dev.spout.engine.topic;

import dev.spout.engine.stream.EventTooLargeException;
import dev.spout.sse.SseEvent;
import java.util.concurrent.CompletableFuture;

/**
 * A named stream of events that any number of clients follow: prices, a chat room, a build log. Publishing from
 * any thread appends the event to the topic's one order; each event is encoded once and the same bytes go to every
 * subscriber, without a thread per subscriber. Expose it with {@code Routes.sse(path, topic)} on Spout's own server
 * (or as the stream of a page, {@code Routes.ssePage}), {@code ServletSpout.servlet(topic)} in a container, {@code
 * WebFluxSpout.events(exchange, topic)} in WebFlux.
 *
 * <pre>{@code
 * Topic chat = app.topic("chat");
 * app.sse("/chat/events", chat);
 * String id = chat.publish(SseEvent.of("{\"from\":\"ann\",\"text\":\"hi\"}").withEvent("message"));
 * }</pre>
 *
 * <p>Events get increasing ids unless they carry their own. A client that reconnects with {@code Last-Event-ID}
 * gets exactly the events it missed from the history, then the live stream.
 */
public interface Topic {

    String name();

    /**
     * Publishes an event and returns its id once it is in the topic's order.
     *
     * @throws EventTooLargeException if the event, encoded, is bigger than the topic takes
     * @throws IllegalArgumentException if the event cannot be written (a lone surrogate in its text)
     */
    String publish(SseEvent event);

    /** Publishes data as an event of the default type. */
    default String publish(String data) {
        return publish(SseEvent.of(data));
    }

    /** Publishes without waiting for a distributed broker; completes with the id, or exceptionally. */
    CompletableFuture<String> publishAsync(SseEvent event);

    /** Streams following this topic on this node now. */
    int subscribers();

    TopicStats stats();
}
