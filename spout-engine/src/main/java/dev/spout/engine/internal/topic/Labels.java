package dev.spout.engine.internal.topic;

import dev.spout.engine.topic.Topic;
import java.util.List;

/**
 * The rules of an event's labels, checked at publish: they travel through every broker (in Redis, one per line of a
 * message and in a stream field), so none may hold a line break or NUL, and they are bounded in count and size like
 * the event itself.
 */
final class Labels {
    private Labels() {}

    /** The labels, as an immutable list. */
    static List<String> check(List<String> labels) {
        List<String> copy = List.copyOf(labels); // refuses a null label too
        if (copy.size() > Topic.MAX_LABELS) {
            throw new IllegalArgumentException(
                    "An event carries at most " + Topic.MAX_LABELS + " labels, got " + copy.size());
        }
        long chars = 0;
        for (String label : copy) {
            chars += label.length();
            for (int i = 0; i < label.length(); i++) {
                char c = label.charAt(i);
                if (c == '\r' || c == '\n' || c == '\0') {
                    throw new IllegalArgumentException("A label must not hold CR, LF or NUL (at index " + i + " of \""
                            + (label.length() > 60 ? label.substring(0, 60) + "…" : label) + "\")");
                }
            }
        }
        if (chars > Topic.MAX_LABEL_CHARS) {
            throw new IllegalArgumentException(
                    "An event's labels are at most " + Topic.MAX_LABEL_CHARS + " characters in all, got " + chars);
        }
        return copy;
    }
}
