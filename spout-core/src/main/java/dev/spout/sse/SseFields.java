package dev.spout.sse;

import org.jspecify.annotations.Nullable;

/**
 * The rules that keep single-line fields single-line. An event name or id that carried a line break would end
 * its field early and let the rest of the value forge new fields or whole events, so such values are refused
 * before anything is written.
 */
final class SseFields {
    private SseFields() {}

    static @Nullable String checkEventName(@Nullable String name) {
        if (name != null) {
            int at = indexOfLineBreak(name, false);
            if (at >= 0) {
                throw new InvalidEventException("An SSE event name must not contain " + describe(name.charAt(at))
                        + " (at index " + at + "): " + quote(name));
            }
        }
        return name;
    }

    static @Nullable String checkId(@Nullable String id) {
        if (id != null) {
            int at = indexOfLineBreak(id, true);
            if (at >= 0) {
                throw new InvalidEventException("An SSE event id must not contain " + describe(id.charAt(at))
                        + " (at index " + at + "): " + quote(id));
            }
        }
        return id;
    }

    /** Index of the first CR or LF (and NUL, if asked) in the value, or -1. */
    static int indexOfLineBreak(CharSequence value, boolean alsoNul) {
        for (int i = 0, n = value.length(); i < n; i++) {
            char c = value.charAt(i);
            if (c == '\r' || c == '\n' || (alsoNul && c == '\0')) {
                return i;
            }
        }
        return -1;
    }

    private static String describe(char c) {
        return switch (c) {
            case '\r' -> "a carriage return (CR)";
            case '\n' -> "a line feed (LF)";
            default -> "a NUL character";
        };
    }

    private static String quote(String value) {
        var out = new StringBuilder(value.length() + 2).append('"');
        value.chars().limit(80).forEach(c -> {
            switch (c) {
                case '\r' -> out.append("\\r");
                case '\n' -> out.append("\\n");
                case '\0' -> out.append("\\0");
                case '"' -> out.append("\\\"");
                default -> out.append((char) c);
            }
        });
        return out.append(value.length() > 80 ? "\"..." : "\"").toString();
    }
}
