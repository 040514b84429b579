package dev.spout.server.internal.http;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The fields of an {@code application/x-www-form-urlencoded} text: a form body or a query string, split on
 * {@code &}, each pair on its first {@code =}, {@code +} read as a space and {@code %XX} escapes as bytes of the
 * form's charset (the WHATWG URL standard's parser, strict where it is lenient: a broken escape or bytes that are not
 * text in the charset are refused rather than guessed at).
 *
 * <p>Written by hand, not Jetty's {@code FormFields}/{@code Fields}: Jetty 12.1 copies a name's value list on every
 * repeat, so {@code a=x&a=x&...} costs time in the square of its repeats (an anonymous 190 KB form held a core for six
 * seconds), and its limit counts names, not values. Here a parse is one pass, each value is appended to its name's
 * list, and every value counts against {@code maxValues}, so the work for one request is bounded by its length.
 */
public final class UrlEncodedForm {
    /** A form with no fields. */
    public static final UrlEncodedForm EMPTY = new UrlEncodedForm(Map.of());

    private final Map<String, List<String>> fields;

    private UrlEncodedForm(Map<String, List<String>> fields) {
        this.fields = fields;
    }

    /** A text that is not a well-formed form, or has more values than allowed. */
    public static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        private final boolean tooMany;

        Refused(String message, boolean tooMany) {
            super(message);
            this.tooMany = tooMany;
        }

        /** Whether the text was refused for its number of values (413) rather than its form (400). */
        public boolean tooMany() {
            return tooMany;
        }
    }

    /**
     * Parses {@code text} in one pass; {@code %XX} escapes are bytes of {@code charset}.
     *
     * @throws Refused past {@code maxValues} values (every value of a repeated name counts), at a broken escape, or
     *     at bytes that are not text in {@code charset}
     */
    public static UrlEncodedForm parse(String text, Charset charset, int maxValues) throws Refused {
        if (text.isEmpty()) {
            return EMPTY;
        }
        var fields = new HashMap<String, List<String>>();
        var decoder = new Decoder(charset);
        int values = 0;
        int start = 0;
        while (start <= text.length()) {
            int end = text.indexOf('&', start);
            if (end < 0) {
                end = text.length();
            }
            if (end > start) {
                if (++values > maxValues) {
                    throw new Refused("more than " + maxValues + " fields", true);
                }
                int nameEnd = indexOf('=', text, start, end); // never past the pair: a pass stays linear
                String name = decoder.decode(text, start, nameEnd);
                String value = nameEnd == end ? "" : decoder.decode(text, nameEnd + 1, end);
                fields.computeIfAbsent(name, n -> new ArrayList<>(1)).add(value);
            }
            start = end + 1;
        }
        return new UrlEncodedForm(fields);
    }

    private static int indexOf(char c, String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == c) {
                return i;
            }
        }
        return to;
    }

    /** The first value of a field, or null if the form has none. */
    public @Nullable String value(String name) {
        List<String> values = fields.get(name);
        return values == null ? null : values.getFirst();
    }

    /** Every value of a field, in the order sent; empty if the form has none. */
    public List<String> values(String name) {
        List<String> values = fields.get(name);
        return values == null ? List.of() : List.copyOf(values);
    }

    /** The number of distinct names. */
    public int size() {
        return fields.size();
    }

    /** Decodes one name or value; reuses its buffer, so one parse allocates little beyond its strings. */
    private static final class Decoder {
        private final Charset charset;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        Decoder(Charset charset) {
            this.charset = charset;
        }

        String decode(String text, int from, int to) throws Refused {
            if (plain(text, from, to)) {
                return text.substring(from, to);
            }
            bytes.reset();
            for (int i = from; i < to; i++) {
                char c = text.charAt(i);
                if (c == '+') {
                    bytes.write(' ');
                } else if (c == '%') {
                    int high = i + 2 < to ? Character.digit(text.charAt(i + 1), 16) : -1;
                    int low = high < 0 ? -1 : Character.digit(text.charAt(i + 2), 16);
                    if (low < 0) {
                        throw new Refused("a broken escape at \"" + excerpt(text, i) + "\"", false);
                    }
                    bytes.write(high << 4 | low);
                    i += 2;
                } else if (c < 0x80) {
                    bytes.write(c);
                } else {
                    // A raw character (a client that did not escape it): its bytes in the form's charset.
                    int next = Character.charCount(text.codePointAt(i));
                    bytes.writeBytes(text.substring(i, i + next).getBytes(charset));
                    i += next - 1;
                }
            }
            try {
                return charset.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes.toByteArray()))
                        .toString();
            } catch (CharacterCodingException notText) {
                throw new Refused(
                        "\"" + excerpt(text, from) + "\" is not " + charset.name() + " text once unescaped", false);
            }
        }

        private static boolean plain(String text, int from, int to) {
            for (int i = from; i < to; i++) {
                char c = text.charAt(i);
                if (c == '+' || c == '%' || c >= 0x80) {
                    return false;
                }
            }
            return true;
        }

        private static String excerpt(String text, int at) {
            return text.substring(at, Math.min(text.length(), at + 12));
        }
    }
}
