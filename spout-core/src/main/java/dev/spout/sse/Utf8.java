package dev.spout.sse;

/**
 * UTF-8 sizing and encoding straight into a caller's array, so an event is encoded into exactly one allocation.
 * Unlike {@link String#getBytes}, a lone surrogate is an error, never a silent {@code ?}.
 */
final class Utf8 {
    private Utf8() {}

    static int length(String s, int from, int to) {
        int size = to - from;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                if (c < 0x800) {
                    size += 1;
                } else if (Character.isSurrogate(c)) {
                    checkPair(s, i, to);
                    size += 2; // four bytes for two chars
                    i++;
                } else {
                    size += 2;
                }
            }
        }
        return size;
    }

    static int write(String s, int from, int to, byte[] out, int pos) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                out[pos++] = (byte) c;
            } else if (c < 0x800) {
                out[pos++] = (byte) (0xC0 | (c >> 6));
                out[pos++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isSurrogate(c)) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                out[pos++] = (byte) (0xF0 | (cp >> 18));
                out[pos++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                out[pos++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                out[pos++] = (byte) (0x80 | (cp & 0x3F));
            } else {
                out[pos++] = (byte) (0xE0 | (c >> 12));
                out[pos++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                out[pos++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        return pos;
    }

    private static void checkPair(String s, int i, int to) {
        if (!Character.isHighSurrogate(s.charAt(i)) || i + 1 >= to || !Character.isLowSurrogate(s.charAt(i + 1))) {
            throw new IllegalArgumentException(String.format(
                    "Text for an SSE stream must be well-formed UTF-16: lone surrogate U+%04X at index %d",
                    (int) s.charAt(i), i));
        }
    }
}
