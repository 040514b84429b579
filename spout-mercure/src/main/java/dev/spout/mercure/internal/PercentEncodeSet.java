package dev.spout.mercure.internal;

import java.nio.charset.StandardCharsets;

/**
 * The URL Standard's percent-encode sets (https://url.spec.whatwg.org/#percent-encoded-bytes), each a superset of the
 * one before it, and UTF-8 percent-encoding with them. What a URL's components are made of after parsing: every code
 * point above U+007E is in every set, so an encoded component is ASCII.
 *
 * <pre>{@code
 * PercentEncodeSet.PATH.encode("/café au lait"); // "/caf%C3%A9%20au%20lait"
 * }</pre>
 */
enum PercentEncodeSet {
    C0_CONTROL(""),
    FRAGMENT(" \"<>`"),
    QUERY(" \"#<>"),
    SPECIAL_QUERY(" \"#<>'"),
    PATH(" \"#<>?^`{}"),
    USERINFO(" \"#<>?^`{}/:;=@[\\]|");

    private final String ascii;

    PercentEncodeSet(String ascii) {
        this.ascii = ascii;
    }

    boolean contains(int codePoint) {
        return codePoint < 0x20 || codePoint > 0x7E || ascii.indexOf(codePoint) >= 0;
    }

    /** The string with each code point of the set replaced by the percent-encoding of its UTF-8 bytes. */
    String encode(String input) {
        var out = new StringBuilder(input.length());
        input.codePoints().forEach(c -> append(out, c));
        return out.toString();
    }

    /** Appends the code point, percent-encoded if it is in the set (a lone surrogate as U+FFFD, as USVStrings do). */
    void append(StringBuilder out, int codePoint) {
        if (!contains(codePoint)) {
            out.append((char) codePoint);
            return;
        }
        int scalar = codePoint >= 0xD800 && codePoint <= 0xDFFF ? 0xFFFD : codePoint;
        for (byte b : new String(Character.toChars(scalar)).getBytes(StandardCharsets.UTF_8)) {
            appendByte(out, b & 0xFF);
        }
    }

    static void appendByte(StringBuilder out, int b) {
        out.append('%').append(Character.toUpperCase(Character.forDigit(b >> 4, 16)));
        out.append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
    }
}
