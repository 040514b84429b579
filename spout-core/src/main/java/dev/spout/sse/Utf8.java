package dev.spout.sse;

/**
 * UTF-8 sizing and encoding straight into a caller's array, so an event is encoded into exactly one allocation.
 * Unlike {@link String#getBytes}, a lone surrogate is an error, never a silent {@code ?}.
 *
 * <p>And decoding as the WHATWG Encoding Standard's UTF-8 decoder does, which is what browsers use for an event
 * stream: every maximal invalid subpart becomes one U+FFFD, so {@code ED A0 80} (an encoded surrogate) is three of
 * them. The JDK's decoder replaces some invalid sequences differently (that one as a single U+FFFD), so a stream
 * read through it would differ from what a browser shows; this is why the decoder is written here.
 */
final class Utf8 {
    private static final char REPLACEMENT = '\uFFFD';

    private Utf8() {}

    /** Decodes {@code length} bytes from {@code from} as the WHATWG UTF-8 decoder does, errors included. */
    static String decode(byte[] bytes, int from, int length) {
        int end = from + length;
        int i = from;
        while (i < end && bytes[i] >= 0) {
            i++;
        }
        if (i == end) { // all ASCII, the common case
            return new String(bytes, from, length, java.nio.charset.StandardCharsets.ISO_8859_1);
        }
        var out = new StringBuilder(length);
        for (int k = from; k < i; k++) {
            out.append((char) bytes[k]);
        }
        int codePoint = 0;
        int needed = 0;
        int seen = 0;
        int lower = 0x80;
        int upper = 0xBF;
        while (i < end) {
            int b = bytes[i] & 0xFF;
            if (needed == 0) {
                i++;
                if (b <= 0x7F) {
                    out.append((char) b);
                } else if (b >= 0xC2 && b <= 0xDF) {
                    needed = 1;
                    codePoint = b & 0x1F;
                } else if (b >= 0xE0 && b <= 0xEF) {
                    lower = b == 0xE0 ? 0xA0 : 0x80;
                    upper = b == 0xED ? 0x9F : 0xBF;
                    needed = 2;
                    codePoint = b & 0xF;
                } else if (b >= 0xF0 && b <= 0xF4) {
                    lower = b == 0xF0 ? 0x90 : 0x80;
                    upper = b == 0xF4 ? 0x8F : 0xBF;
                    needed = 3;
                    codePoint = b & 0x7;
                } else {
                    out.append(REPLACEMENT);
                }
                continue;
            }
            if (b < lower || b > upper) { // the sequence so far is an error; this byte starts anew (not consumed)
                codePoint = 0;
                needed = 0;
                seen = 0;
                lower = 0x80;
                upper = 0xBF;
                out.append(REPLACEMENT);
                continue;
            }
            i++;
            lower = 0x80;
            upper = 0xBF;
            codePoint = (codePoint << 6) | (b & 0x3F);
            if (++seen == needed) {
                out.appendCodePoint(codePoint);
                codePoint = 0;
                needed = 0;
                seen = 0;
            }
        }
        if (needed != 0) { // a sequence cut off by the end
            out.append(REPLACEMENT);
        }
        return out.toString();
    }

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
            throw new InvalidEventException(String.format(
                    "Text for an SSE stream must be well-formed UTF-16: lone surrogate U+%04X at index %d",
                    (int) s.charAt(i), i));
        }
    }
}
