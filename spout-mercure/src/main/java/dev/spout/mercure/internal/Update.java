package dev.spout.mercure.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An update as a publisher sent it: its topic (and, from Mercure 0.x publishers, alternate topics after it), its data,
 * the id the publisher chose if any, its SSE event type and reconnection delay, and whether it is private (only
 * subscribers granted one of its topics receive it).
 *
 * <pre>{@code
 * var update = new Update("https://example.com/books/1", List.of(), "{\"title\":\"…\"}", null, null, null, false);
 * }</pre>
 */
record Update(
        String topic,
        List<String> alternates,
        String data,
        @Nullable String id,
        @Nullable String type,
        @Nullable Long retry,
        boolean isPrivate) {

    Update {
        Objects.requireNonNull(topic, "topic");
        alternates = List.copyOf(alternates);
        Objects.requireNonNull(data, "data");
    }

    /** Its topic, then its alternates: every topic a subscription or a grant may select it by. */
    List<String> topics() {
        if (alternates.isEmpty()) {
            return List.of(topic);
        }
        List<String> all = new ArrayList<>(1 + alternates.size());
        all.add(topic);
        all.addAll(alternates);
        return all;
    }
}
