package dev.spout.engine.topic;

import java.util.List;

/**
 * Which of a topic's events one subscriber's stream sends, decided by each event's labels ({@link
 * Topic#publish(dev.spout.sse.SseEvent, List)}). The stream still follows the whole topic — its order, its ids, exact resume after
 * {@code Last-Event-ID} — and skips what the filter refuses, live or replayed alike: a filter that depends on who
 * asks (what a token grants) is asked again for every event a reconnecting client is sent.
 *
 * <p>It runs for every event and every filtered subscriber, on the engine's threads and under the stream's lock: it
 * must be quick, must not block, and should not allocate. One that throws ends its stream (a bug, logged).
 *
 * <pre>{@code
 * app.subscribe("/books", request -> {
 *     Set<String> wanted = Set.copyOf(request.queryParameters("topic"));
 *     return Subscription.to(log).filtered(labels -> labels.stream().anyMatch(wanted::contains));
 * });
 * }</pre>
 */
@FunctionalInterface
public interface EventFilter {

    /** Whether the stream sends the event with these labels (the list is shared and read-only). */
    boolean accepts(List<String> labels);

    /**
     * The stream has started following its topic (for a protocol that announces its subscribers). Called once, outside
     * every lock, on the thread that opened the stream; a stream refused before it opened (a limit) is never opened.
     */
    default void opened() {}

    /**
     * The stream has ended, however it ended. Called once, outside every lock. A stream that ends while it opens may
     * be told this before {@link #opened}, which then follows and should do nothing.
     */
    default void closed() {}

    /**
     * When the stream must end by itself, if it must: the credentials it was opened with expire then (a token's
     * {@code exp}). The engine ends it then, with {@link dev.spout.engine.stream.CloseReason.SessionEnded}, within a
     * tick of its timer (a quarter of the heartbeat interval, at most a second); the client that reconnects is asked
     * again who it is. Null (the default): never.
     */
    default java.time.@org.jspecify.annotations.Nullable Instant endsAt() {
        return null;
    }
}
