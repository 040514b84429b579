package dev.spout.engine.topic;

import dev.spout.engine.stream.EventTooLargeException;
import dev.spout.sse.SseEvent;
import java.util.List;
import java.util.Optional;
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
     * Publishes an event and returns its id once it is in the topic's order. A failure of a distributed broker (Redis
     * restarted or slow mid-publish) may come after the event was written: to retry without publishing it twice, use
     * {@link #publishOnce(String, SseEvent)}.
     *
     * @throws EventTooLargeException if the event, encoded, is bigger than the topic takes
     * @throws IllegalArgumentException if the event cannot be written (a lone surrogate in its text)
     */
    String publish(SseEvent event);

    /** Publishes data as an event of the default type. */
    default String publish(String data) {
        return publish(SseEvent.of(data));
    }

    /**
     * Publishes without waiting for a distributed broker; completes with the id, or exceptionally. A topic's events
     * keep the order in which {@code publishAsync} was called for it. A broker holds a bounded number of publishes
     * that it has not answered yet (the Redis broker: 2,000 sent, 100,000 more waiting in order, 64 MiB of events):
     * past that bound the future completes at once with a {@link dev.spout.broker.TooManyPublishesException}, the
     * event not written, so a burst costs bounded memory and the publisher may try again later.
     *
     * <pre>{@code
     * topic.publishAsync(SseEvent.of(digest)).exceptionally(failure -> {
     *     digests.retryLater(user, digest); // Redis unreachable, or too many publishes waiting
     *     return null;
     * });
     * }</pre>
     */
    CompletableFuture<String> publishAsync(SseEvent event);

    /**
     * Publishes an event with labels: what the publisher says of it besides it, which clients never see, kept with
     * the event in the history and carried by the broker to every node, for a subscription's {@link EventFilter} to
     * read. A hub of many publishers' topics labels each event with them, and each subscriber's stream sends only
     * the events whose labels it may have.
     *
     * <pre>{@code
     * log.publish(SseEvent.of(data), List.of("https://example.com/books/1"));
     * }</pre>
     *
     * @throws IllegalArgumentException if a label holds CR, LF or NUL, or there are more than {@value
     *     #MAX_LABELS} labels or {@value #MAX_LABEL_CHARS} characters of them
     */
    default String publish(SseEvent event, List<String> labels) {
        return publishAsync(event, labels).join();
    }

    /** {@link #publish(SseEvent, List)} without waiting for a distributed broker. */
    CompletableFuture<String> publishAsync(SseEvent event, List<String> labels);

    /**
     * Publishes an event once per idempotency key: if a publish with this key reached the topic within the broker's
     * window (10 minutes by default), nothing is published and the id that publish got is returned, so publishing
     * again with the same key is harmless. That is how to publish exactly once through a broker that may fail after
     * it wrote: with Redis, a publish that failed or timed out ({@code RedisCommandTimeoutException}, a connection
     * lost) may or may not have been written, and only a retry with the same key is sure to publish it once. A
     * {@link dev.spout.broker.TooManyPublishesException}, an {@link EventTooLargeException} or an {@link
     * IllegalArgumentException} means nothing was written. The key alone decides: a retry with another event under
     * the same key still answers the first one's id. Publishes without a key are not checked, and cost nothing more.
     *
     * <pre>{@code
     * String id;
     * try {
     *     id = orders.publishOnce("order-42", SseEvent.of(json));
     * } catch (RuntimeException unsure) {   // Redis timed out: was it written? Ask again, with the same key.
     *     id = orders.publishOnce("order-42", SseEvent.of(json)); // the first one's id if it was
     * }
     * }</pre>
     *
     * @param key the publisher's key for this event (an order's number, a message's id): 1 to {@value
     *     #MAX_KEY_CHARS} characters, without CR, LF or NUL; keys are per topic
     * @throws IllegalArgumentException if the key is empty, too long or holds CR, LF or NUL
     * @throws EventTooLargeException if the event, encoded, is bigger than the topic takes
     */
    default String publishOnce(String key, SseEvent event) {
        return publishOnceAsync(key, event).join();
    }

    /** {@link #publishOnce(String, SseEvent)} without waiting for a distributed broker. */
    default CompletableFuture<String> publishOnceAsync(String key, SseEvent event) {
        return publishOnceAsync(key, event, List.of());
    }

    /**
     * {@link #publishOnce(String, SseEvent)} with labels ({@link #publish(SseEvent, List)}), without waiting. A retry
     * whose key the topic had answers the first publish's id, whatever its labels.
     */
    CompletableFuture<String> publishOnceAsync(String key, SseEvent event, List<String> labels);

    /** The most characters of an idempotency key. */
    int MAX_KEY_CHARS = 256;

    /** The most labels one event carries. */
    int MAX_LABELS = 256;

    /** The most characters of labels one event carries, in all. */
    int MAX_LABEL_CHARS = 64 * 1024;

    /**
     * The id of the newest event this node has of the topic, if it has any: where a stream that starts now starts
     * after, for a protocol that tells its client so ({@code Subscription.Topics#resumingAfter} it to start there
     * exactly, whatever is published meanwhile).
     */
    Optional<String> newestId();

    /** Streams following this topic on this node now. */
    int subscribers();

    TopicStats stats();
}
