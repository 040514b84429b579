package dev.spout.engine.internal.topic;

import dev.spout.sse.SseEncoder;
import dev.spout.sse.SseEvent;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * How one topic's publish reaches its broker: the event encoded once, here, so what cannot be written or is too big
 * is refused before it enters the topic's order; then handed to the broker of the topic that has the name now (an
 * on-demand topic reclaimed meanwhile has a successor), with an idempotency key only if the publisher gave one.
 *
 * <pre>{@code
 * CompletableFuture<String> id = TopicPublishing.publish(topic, "order-42", SseEvent.of("placed"), List.of());
 * }</pre>
 */
final class TopicPublishing {
    private TopicPublishing() {}

    /** Publishes, with an idempotency key or (null) without: only a keyed publish asks the broker to check it. */
    static CompletableFuture<String> publish(
            LocalTopic topic, @Nullable String key, SseEvent event, List<String> labels) {
        Objects.requireNonNull(event, "event");
        labels = Labels.check(labels);
        // The bytes travel with the event to the topic's append, which only adds the id.
        byte[] encoded = SseEncoder.encodeWithoutId(event);
        topic.checkSize(encoded);
        for (LocalTopic target = topic; ; target = target.owner.successor(target)) {
            target.publishing();
            try {
                if (!target.retired()) {
                    if (key != null) {
                        return target.owner.broker().publishOnce(key, List.of(target.broker()), event, encoded, labels);
                    }
                    return labels.isEmpty()
                            ? target.broker().publish(event, encoded)
                            : target.broker().publish(event, encoded, labels);
                }
            } finally {
                target.published();
            }
        }
    }
}
