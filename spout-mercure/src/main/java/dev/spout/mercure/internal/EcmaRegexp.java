package dev.spout.mercure.internal;

import java.util.Set;

/**
 * The regexp of a URL pattern's {@code (…)} group, an ECMAScript regular expression with the {@code v} flag, checked
 * against ECMAScript's grammar and written as a {@link java.util.regex.Pattern} that matches the same strings. What
 * ECMAScript refuses is refused here (a URL pattern with it cannot be constructed), and so is what would make Java
 * read it differently or match without a bound:
 *
 * <ul>
 *   <li>backreferences ({@code \1}, {@code \k<name>}) are refused: they make matching non-regular, and the hub must
 *       decide every match within a bound;
 *   <li>{@code \v}, {@code \cX}, {@code \0}, <code>&#92;u{…}</code> and {@code \b} in a class mean other things
 *       in Java, and are written as the characters ECMAScript means;
 *   <li>{@code (?<name>…)} becomes a plain group (the same number; names do not matter to a test), and a name given
 *       twice is refused even in two alternatives, which ECMAScript 2025 allows;
 *   <li>modifiers {@code (?ims-ims:…)} map to Java's; {@code i} gets Java's {@code u} too, Unicode case folding as
 *       the {@code v} flag does;
 *   <li>{@code \s}, {@code .} and {@code $} differ between the two only on non-ASCII spaces, U+0085 and line
 *       terminators, none of which a parsed URL's components hold (they are ASCII, without CR or LF);
 *   <li>{@code \p{…}} names go to Java as written ({@code General_Category=} and {@code Script=} spelled as Java
 *       spells them); a property Java does not know is refused when the pattern is compiled;
 *   <li>class string disjunctions ({@code \q{…}}) and properties of strings are refused, and so is a lookbehind
 *       Java's engine will not compile (it bounds their length where ECMAScript does not).
 * </ul>
 *
 * <pre>{@code
 * EcmaRegexp.toJava("\\d+", new HashSet<>());        // "\\d+"
 * EcmaRegexp.toJava("[[a-z]--[aeiou]]", new HashSet<>()); // "[[a-z]&&[^[aeiou]]]"
 * }</pre>
 */
final class EcmaRegexp {
    /** A construct ECMAScript refuses, or one refused here, and where it is in the regexp. */
    static final class Invalid extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int at;

        Invalid(int at, String problem) {
            super(problem, null, false, false);
            this.at = at;
        }
    }

    /** Repetition counts above this behave as this does on any topic (none is longer), and keep Java's ints. */
    private static final long MAX_COUNT = 100_000;

    final String source;
    int p;
    final StringBuilder out = new StringBuilder();
    private final Set<String> groupNames;

    private EcmaRegexp(String source, Set<String> groupNames) {
        this.source = source;
        this.groupNames = groupNames;
    }

    /**
     * The Java form of an ECMAScript ({@code v} flag) regexp.
     *
     * @param groupNames the names of the component's groups so far, added to (a name given twice is an error)
     * @throws Invalid for a regexp ECMAScript or this translation refuses
     */
    static String toJava(String source, Set<String> groupNames) {
        var regexp = new EcmaRegexp(source, groupNames);
        regexp.disjunction();
        if (regexp.p < source.length()) {
            throw regexp.invalid(source.charAt(regexp.p) == ')' ? "A ')' without its '('" : "An unexpected character");
        }
        return regexp.out.toString();
    }

    private void disjunction() {
        alternative();
        while (peek() == '|') {
            p++;
            out.append('|');
            alternative();
        }
    }

    private void alternative() {
        while (p < source.length() && peek() != '|' && peek() != ')') {
            term();
        }
    }

    private void term() {
        int c = peek();
        boolean quantifiable = true;
        switch (c) {
            case '^', '$' -> {
                p++;
                out.append((char) c);
                quantifiable = false;
            }
            case '.' -> {
                p++;
                out.append('.');
            }
            case '(' -> quantifiable = group();
            case '[' -> out.append(EcmaCharClass.parse(this));
            case '\\' -> quantifiable = atomEscape();
            case '*', '+', '?' -> throw invalid("A quantifier '" + (char) c + "' with nothing to repeat");
            case ']', '{', '}' -> throw invalid("A lone '" + (char) c + "' (escape it)");
            default -> {
                p++;
                EcmaCharClass.appendLiteral(out, c);
            }
        }
        if (quantifier() && !quantifiable) {
            throw invalid("A quantifier after an assertion, which cannot be repeated");
        }
    }

    /** A quantifier, if one follows, copied to the output; whether there was one. */
    private boolean quantifier() {
        int c = peek();
        if (c == '*' || c == '+' || c == '?') {
            p++;
            out.append((char) c);
        } else if (c == '{') {
            int open = p++;
            if (!isDigit(peek())) {
                p = open;
                throw invalid("A '{' that does not start a {n,m} quantifier (escape it)");
            }
            long min = digits();
            long max = min;
            if (peek() == ',') {
                p++;
                max = isDigit(peek()) ? digits() : -1;
            }
            if (peek() != '}' || (max >= 0 && max < min)) {
                String problem = peek() != '}' ? "without its '}'" : "whose n is above its m";
                p = open;
                throw invalid("A {n,m} quantifier " + problem);
            }
            p++;
            out.append('{').append(Math.min(min, MAX_COUNT));
            if (max != min) {
                out.append(',').append(max < 0 ? "" : Long.toString(Math.min(max, MAX_COUNT)));
            }
            out.append('}');
        } else {
            return false;
        }
        if (peek() == '?') {
            p++;
            out.append('?');
        }
        return true;
    }

    /** The value of the decimal digits at the cursor, saturating (any count past the bound behaves alike). */
    private long digits() {
        long value = 0;
        while (isDigit(peek())) {
            value = Math.min(value * 10 + (source.charAt(p++) - '0'), MAX_COUNT * 10);
        }
        return value;
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    /** A group or lookaround; whether it may take a quantifier. */
    private boolean group() {
        int open = p++;
        boolean quantifiable = true;
        if (peek() != '?') {
            out.append('(');
        } else if (source.startsWith("?:", p) || source.startsWith("?=", p) || source.startsWith("?!", p)) {
            quantifiable = source.charAt(p + 1) == ':';
            out.append('(').append(source, p, p + 2);
            p += 2;
        } else if (source.startsWith("?<=", p) || source.startsWith("?<!", p)) {
            quantifiable = false;
            out.append('(').append(source, p, p + 3);
            p += 3;
        } else if (source.startsWith("?<", p)) {
            p += 2;
            namedGroup();
            out.append('(');
        } else {
            p++;
            modifiers();
        }
        disjunction();
        if (peek() != ')') {
            p = open;
            throw invalid("A group without its ')'");
        }
        p++;
        out.append(')');
        return quantifiable;
    }

    private void namedGroup() {
        int start = p;
        while (p < source.length() && source.charAt(p) != '>') {
            char c = source.charAt(p);
            boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '$' || c == '_';
            if (!letter && !(p > start && c >= '0' && c <= '9')) {
                throw invalid("A group name with a character ECMAScript names cannot start or hold");
            }
            p++;
        }
        if (p == start || p >= source.length()) {
            throw invalid("A group name that is empty or without its '>'");
        }
        if (!groupNames.add(source.substring(start, p))) {
            throw invalid("A second group named '" + source.substring(start, p) + "'");
        }
        p++;
    }

    /** {@code (?ims-ims:}, ECMAScript 2025's modifiers, to Java's. */
    private void modifiers() {
        var add = new StringBuilder();
        var remove = new StringBuilder();
        StringBuilder into = add;
        while (p < source.length() && source.charAt(p) != ':') {
            char c = source.charAt(p);
            if (c == '-' && into == add) {
                into = remove;
            } else if ((c == 'i' || c == 'm' || c == 's') && add.indexOf(c + "") < 0 && remove.indexOf(c + "") < 0) {
                into.append(c);
            } else {
                throw invalid("A group '(?' that is none ECMAScript has");
            }
            p++;
        }
        if (p >= source.length() || (add.isEmpty() && remove.isEmpty())) {
            throw invalid("A group '(?' that is none ECMAScript has");
        }
        p++;
        out.append("(?")
                .append(javaFlags(add))
                .append(remove.isEmpty() ? "" : "-" + javaFlags(remove))
                .append(':');
    }

    private static String javaFlags(CharSequence flags) {
        return flags.toString().replace("i", "iu");
    }

    /** An escape outside a class; whether it may take a quantifier (\b and \B are assertions). */
    private boolean atomEscape() {
        int next = p + 1 < source.length() ? source.charAt(p + 1) : -1;
        if (next == 'b' || next == 'B') {
            p += 2;
            out.append('\\').append((char) next);
            return false;
        }
        if (next >= '1' && next <= '9' || next == 'k') {
            throw invalid("A backreference, which the hub does not match (it makes matching unbounded)");
        }
        out.append(EcmaCharClass.escape(this, false));
        return true;
    }

    int peek() {
        return p < source.length() ? source.charAt(p) : -1;
    }

    Invalid invalid(String problem) {
        return new Invalid(p, problem);
    }
}
