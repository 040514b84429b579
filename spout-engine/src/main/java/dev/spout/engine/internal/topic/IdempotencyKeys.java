package dev.spout.engine.internal.topic;

import dev.spout.engine.topic.Topic;
import java.util.Objects;

/**
 * The rules of an idempotency key, checked at publish, before any broker sees it: a broker keeps it as (part of) a
 * key of its own (Redis: beside the topic's stream, on its slot), so it is bounded, and it holds no line break or
 * NUL, which no HTTP header carries either.
 *
 * <pre>{@code
 * String key = IdempotencyKeys.check("order-42");
 * }</pre>
 */
final class IdempotencyKeys {
    private IdempotencyKeys() {}

    /** The key, if it follows the rules. */
    static String check(String key) {
        Objects.requireNonNull(key, "key");
        if (key.isEmpty() || key.length() > Topic.MAX_KEY_CHARS) {
            throw new IllegalArgumentException(
                    "An idempotency key has 1 to " + Topic.MAX_KEY_CHARS + " characters, got " + key.length());
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c == '\r' || c == '\n' || c == '\0') {
                throw new IllegalArgumentException(
                        "An idempotency key must not hold CR, LF or NUL (at index " + i + ")");
            }
        }
        return key;
    }
}
