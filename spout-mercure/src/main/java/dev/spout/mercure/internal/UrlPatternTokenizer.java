package dev.spout.mercure.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The URL Pattern Standard's tokenizer (https://urlpattern.spec.whatwg.org/#tokenizing): a pattern string as tokens,
 * {@code {} }, {@code (regexp)}, {@code :name}, characters, {@code \}-escaped characters, modifiers and the end. The
 * strict policy refuses what is malformed (with what and where, here); the lenient one, used to split a constructor
 * string into components, keeps it as an invalid-char token for the component's own parse to refuse.
 *
 * <p>Indices are Java {@code char} indices rather than the Standard's code point indices: they serve to cut the
 * input into components and to say where an error is, and cutting by either gives the same substrings.
 *
 * <pre>{@code
 * UrlPatternTokenizer.tokenize("/:id(\\d+)?", true, UrlPatternTokenizer.Source.of("/:id(\\d+)?"));
 * // CHAR "/", NAME "id", REGEXP "\d+", OTHER_MODIFIER "?", END
 * }</pre>
 */
final class UrlPatternTokenizer {
    enum Type {
        OPEN,
        CLOSE,
        REGEXP,
        NAME,
        CHAR,
        ESCAPED_CHAR,
        OTHER_MODIFIER,
        ASTERISK,
        END,
        INVALID_CHAR
    }

    /** A token: its type, where it starts in the tokenized string, and its value (a regexp without parentheses). */
    record Token(Type type, int index, String value) {}

    /** The whole pattern and where the tokenized string starts in it, so that errors point into what was written. */
    record Source(String pattern, int offset) {
        static Source of(String pattern) {
            return new Source(pattern, 0);
        }

        Source at(int start) {
            return new Source(pattern, offset + start);
        }

        IllegalArgumentException invalid(int index, String problem) {
            return new IllegalArgumentException(
                    problem + " at index " + (offset + index) + " of the URL pattern " + pattern);
        }
    }

    private final String input;
    private final boolean strict;
    private final Source source;
    private final List<Token> tokens = new ArrayList<>();
    private int index;
    private int nextIndex;
    private int codePoint;

    private UrlPatternTokenizer(String input, boolean strict, Source source) {
        this.input = input;
        this.strict = strict;
        this.source = source;
    }

    /**
     * The tokens of {@code input}, ending with an END token.
     *
     * @throws IllegalArgumentException in the strict policy, for a malformed name, regexp group or escape
     */
    static List<Token> tokenize(String input, boolean strict, Source source) {
        var tokenizer = new UrlPatternTokenizer(input, strict, source);
        tokenizer.run();
        return tokenizer.tokens;
    }

    private void run() {
        int length = input.length();
        while (index < length) {
            seek(index);
            switch (codePoint) {
                case '*' -> add(Type.ASTERISK, nextIndex, index);
                case '+', '?' -> add(Type.OTHER_MODIFIER, nextIndex, index);
                case '{' -> add(Type.OPEN, nextIndex, index);
                case '}' -> add(Type.CLOSE, nextIndex, index);
                case '\\' -> {
                    if (nextIndex >= length) {
                        error(nextIndex, index, "A '\\' with nothing to escape");
                    } else {
                        int escaped = nextIndex;
                        next();
                        add(Type.ESCAPED_CHAR, nextIndex, escaped);
                    }
                }
                case ':' -> name(length);
                case '(' -> regexp(length);
                default -> add(Type.CHAR, nextIndex, index);
            }
        }
        add(Type.END, index, index);
    }

    private void name(int length) {
        int start = nextIndex;
        int position = start;
        while (position < length) {
            seek(position);
            if (!isNameCodePoint(codePoint, position == start)) {
                break;
            }
            position = nextIndex;
        }
        if (position <= start) {
            error(start, index, "A ':' without a name after it (escape it as '\\:' to mean the character)");
        } else {
            add(Type.NAME, position, start);
        }
    }

    private void regexp(int length) {
        int depth = 1;
        int start = nextIndex;
        int position = start;
        while (position < length) {
            seek(position);
            if (codePoint > 0x7F) {
                error(start, index, "A regexp group with a character that is not ASCII");
                return;
            }
            if (position == start && codePoint == '?') {
                error(start, index, "A regexp group that starts with '?'");
                return;
            }
            if (codePoint == '\\') {
                if (position == length - 1) {
                    error(start, index, "A regexp group that ends in a '\\'");
                    return;
                }
                next();
                if (codePoint > 0x7F) {
                    error(start, index, "A regexp group with a character that is not ASCII");
                    return;
                }
                position = nextIndex;
                continue;
            }
            if (codePoint == ')') {
                if (--depth == 0) {
                    position = nextIndex;
                    break;
                }
            } else if (codePoint == '(') {
                depth++;
                if (position == length - 1) {
                    error(start, index, "A regexp group without its ')'");
                    return;
                }
                int after = nextIndex;
                next();
                if (codePoint != '?') {
                    error(
                            start,
                            index,
                            "A capturing group inside a regexp group (write '(?:' to group without capturing)");
                    return;
                }
                nextIndex = after;
            }
            position = nextIndex;
        }
        if (depth != 0) {
            error(start, index, "A regexp group without its ')'");
        } else if (position - start - 1 == 0) {
            error(start, index, "An empty regexp group");
        } else {
            addToken(Type.REGEXP, position, start, position - start - 1);
        }
    }

    private void next() {
        codePoint = input.codePointAt(nextIndex);
        nextIndex += Character.charCount(codePoint);
    }

    private void seek(int at) {
        nextIndex = at;
        next();
    }

    private void add(Type type, int next, int valueStart) {
        addToken(type, next, valueStart, next - valueStart);
    }

    private void addToken(Type type, int next, int valueStart, int valueLength) {
        tokens.add(new Token(type, index, input.substring(valueStart, valueStart + valueLength)));
        index = next;
    }

    private void error(int next, int valueStart, String problem) {
        if (strict) {
            throw source.invalid(index, problem);
        }
        add(Type.INVALID_CHAR, next, valueStart);
    }

    /**
     * ECMAScript's IdentifierStart and IdentifierPart (ID_Start and ID_Continue, plus {@code $}, {@code _}, ZWNJ and
     * ZWJ), by the JDK's Unicode identifier tables; the JDK's also take format characters ("ignorable"), which
     * ECMAScript does not, so those are left out but for the two joiners.
     */
    static boolean isNameCodePoint(int c, boolean first) {
        if (c == '$' || c == '_') {
            return true;
        }
        if (first) {
            return Character.isUnicodeIdentifierStart(c) && !Character.isIdentifierIgnorable(c);
        }
        return c == 0x200C
                || c == 0x200D
                || (Character.isUnicodeIdentifierPart(c) && !Character.isIdentifierIgnorable(c));
    }
}
