package dev.spout.mercure.internal;

import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * ECMAScript's {@code v}-flag character classes and escapes, for {@link EcmaRegexp}: unions of characters, ranges,
 * class escapes and nested classes, intersections ({@code [\d&&[0-1]]}) and subtractions ({@code [[a-z]--a]}), each
 * written as a Java class ({@code --} as Java's {@code &&[^…]}). The {@code v} flag's stricter syntax is enforced, so
 * that a class means one thing: {@code ( ) [ ] { } / - \ |} must be escaped in a class, and doubled punctuators
 * ({@code &&}, {@code !!}, …) are reserved.
 *
 * <pre>{@code
 * // inside EcmaRegexp, at a '[':
 * out.append(EcmaCharClass.parse(regexp)); // "[[\\d]&&[0-1]]" for "[\\d&&[0-1]]"
 * }</pre>
 */
final class EcmaCharClass {
    private static final String ALL = "[\\x{0}-\\x{10FFFF}]";
    private static final String NONE = "[^\\x{0}-\\x{10FFFF}]";
    private static final String SYNTAX = "()[]{}/-\\|";
    private static final String DOUBLE_RESERVED = "&!#$%*+,.:;<=>?@^`~";
    private static final String RESERVED_PUNCTUATOR = "&-!#%,:;<=>@`~";

    /** A class item: a Java class fragment, the character it is when it is one ({@code -1} otherwise). */
    private record Item(String java, int character, boolean range) {
        Item(String java, int character) {
            this(java, character, false);
        }

        String asClass() {
            return java.startsWith("[") ? java : "[" + java + "]";
        }
    }

    private EcmaCharClass() {}

    /** The class at the cursor (a '['), as a Java class. */
    static String parse(EcmaRegexp r) {
        int open = r.p++;
        boolean negated = r.peek() == '^';
        if (negated) {
            r.p++;
        }
        if (r.peek() == ']') {
            r.p++;
            return negated ? ALL : NONE;
        }
        Item first = item(r, true);
        String body;
        if (r.source.startsWith("&&", r.p) || r.source.startsWith("--", r.p)) {
            String operator = r.source.substring(r.p, r.p + 2);
            if (first.range()) {
                throw r.invalid("A range as an operand of '" + operator + "' (put it in its own [ ])");
            }
            var operands = new StringBuilder("[").append(first.asClass());
            while (r.source.startsWith(operator, r.p)) {
                r.p += 2;
                if (r.peek() == operator.charAt(0)) {
                    throw r.invalid("A '" + operator.charAt(0) + "' right after '" + operator + "'");
                }
                Item operand = item(r, false);
                operands.append(operator.equals("&&") ? "&&" + operand.asClass() : "&&[^" + operand.asClass() + "]");
            }
            if (r.source.startsWith("&&", r.p) || r.source.startsWith("--", r.p)) {
                throw r.invalid("A '&&' mixed with a '--' (put one of them in its own [ ])");
            }
            if (r.peek() >= 0 && r.peek() != ']') {
                throw r.invalid("A '" + (char) r.peek() + "' where a class operand or its ']' should be");
            }
            body = operands.append(']').toString();
        } else {
            var union = new StringBuilder(first.java());
            while (r.peek() != ']' && r.peek() >= 0) {
                if (r.source.startsWith("&&", r.p) || r.source.startsWith("--", r.p)) {
                    throw r.invalid("A '&&' or '--' mixed with a union (put the union in its own [ ])");
                }
                union.append(item(r, true).java());
            }
            body = "[" + union + "]";
        }
        if (r.peek() != ']') {
            r.p = open;
            throw r.invalid("A '[' without its ']'");
        }
        r.p++;
        return negated ? "[^" + body + "]" : body;
    }

    /** A class operand: a character (or a range of them, where {@code range}), a class escape or a nested class. */
    private static Item item(EcmaRegexp r, boolean range) {
        int c = r.peek();
        Item item;
        if (c == '[') {
            return new Item(parse(r), -1);
        } else if (c == '\\') {
            item = escapeItem(r, true);
        } else if (c < 0) {
            throw r.invalid("A '[' without its ']'");
        } else if (SYNTAX.indexOf(c) >= 0) {
            throw r.invalid("A '" + (char) c + "' that a class must escape");
        } else if (DOUBLE_RESERVED.indexOf(c) >= 0 && r.p + 1 < r.source.length() && r.source.charAt(r.p + 1) == c) {
            throw r.invalid("A doubled '" + (char) c + "', which classes reserve");
        } else {
            r.p++;
            item = new Item(literal(c), c);
        }
        if (range && item.character() >= 0 && r.peek() == '-' && !r.source.startsWith("--", r.p)) {
            r.p++;
            Item last = item(r, false);
            if (last.character() < 0) {
                throw r.invalid("A range that does not end in a character");
            }
            if (last.character() < item.character()) {
                throw r.invalid("A range out of order");
            }
            return new Item(item.java() + "-" + last.java(), -1, true);
        }
        return item;
    }

    /** An escape outside a class, as Java text. */
    static String escape(EcmaRegexp r, boolean inClass) {
        return escapeItem(r, inClass).java();
    }

    private static Item escapeItem(EcmaRegexp r, boolean inClass) {
        int at = r.p++;
        int c = r.peek();
        if (c < 0) {
            throw r.invalid("A '\\' with nothing to escape");
        }
        r.p++;
        switch (c) {
            case 'd', 'D', 'w', 'W', 's', 'S' -> {
                return new Item("\\" + (char) c, -1);
            }
            case 'p', 'P' -> {
                return new Item(property(r, (char) c, at), -1);
            }
            case 't' -> {
                return character('\t');
            }
            case 'n' -> {
                return character('\n');
            }
            case 'v' -> {
                return character(0x0B); // Java's \v is a class of vertical spaces
            }
            case 'f' -> {
                return character('\f');
            }
            case 'r' -> {
                return character('\r');
            }
            case 'c' -> {
                int letter = r.peek();
                if (!WhatwgUrlParser.isAlpha(letter)) {
                    throw r.invalid("A '\\c' without its letter");
                }
                r.p++;
                return character(letter % 32); // Java's \cX is X xor 64: the same for capitals only
            }
            case '0' -> {
                if (r.peek() >= '0' && r.peek() <= '9') {
                    throw r.invalid("An octal escape, which the v flag refuses");
                }
                return character(0);
            }
            case 'x' -> {
                return character(hex(r, 2));
            }
            case 'u' -> {
                return character(unicode(r));
            }
            case 'b' -> {
                if (inClass) {
                    return character(8);
                }
            }
            case 'q' -> {
                if (inClass) {
                    throw r.invalid("A class string disjunction \\q{…}, which the hub does not match");
                }
            }
            default -> {
                if ("^$\\.*+?()[]{}|/".indexOf(c) >= 0 || (inClass && RESERVED_PUNCTUATOR.indexOf(c) >= 0)) {
                    return character(c);
                }
            }
        }
        r.p = at;
        throw r.invalid("An escape '\\" + (char) c + "' that the v flag refuses");
    }

    private static int hex(EcmaRegexp r, int digits) {
        int value = 0;
        for (int i = 0; i < digits; i++) {
            int digit = r.peek() < 0x80 ? Character.digit(r.peek(), 16) : -1;
            if (digit < 0) {
                throw r.invalid("A hexadecimal escape without its " + digits + " digits");
            }
            value = value * 16 + digit;
            r.p++;
        }
        return value;
    }

    private static int unicode(EcmaRegexp r) {
        if (r.peek() != '{') {
            int unit = hex(r, 4);
            if (Character.isHighSurrogate((char) unit) && r.source.startsWith("\\u", r.p)) {
                int back = r.p;
                r.p += 2;
                int low = r.peek() == '{' ? -1 : hex(r, 4);
                if (low >= 0 && Character.isLowSurrogate((char) low)) {
                    return Character.toCodePoint((char) unit, (char) low);
                }
                r.p = back;
            }
            return unit;
        }
        r.p++;
        long value = 0;
        int start = r.p;
        while (r.peek() >= 0 && r.peek() < 0x80 && Character.digit(r.peek(), 16) >= 0) {
            value = Math.min(value * 16 + Character.digit(r.source.charAt(r.p++), 16), 0x110000);
        }
        if (r.p == start || r.peek() != '}' || value > 0x10FFFF) {
            throw r.invalid("A \\u{…} escape that is not a code point");
        }
        r.p++;
        return (int) value;
    }

    private static String property(EcmaRegexp r, char p, int at) {
        if (r.peek() != '{') {
            throw r.invalid("A '\\" + p + "' without its {property}");
        }
        int close = r.source.indexOf('}', r.p);
        if (close < 0) {
            throw r.invalid("A '\\" + p + "{' without its '}'");
        }
        String name = r.source.substring(r.p + 1, close);
        r.p = close + 1;
        String[] halves = name.split("=", -1);
        String java;
        if (halves.length == 2 && List.of("General_Category", "gc").contains(halves[0])) {
            java = "gc=" + halves[1];
        } else if (halves.length == 2 && List.of("Script", "sc").contains(halves[0])) {
            java = "sc=" + halves[1];
        } else if (halves.length == 1 && name.matches("[A-Z][A-Za-z]?")) {
            java = name; // a General_Category value's short name
        } else if (halves.length == 1 && name.matches("[A-Za-z_]+")) {
            java = "Is" + name; // a binary property (or a long category name, which Java also takes with Is)
        } else {
            throw new EcmaRegexp.Invalid(at, "A Unicode property '" + name + "' the hub does not match");
        }
        String property = "\\" + p + "{" + java + "}";
        try {
            Pattern.compile(property);
        } catch (PatternSyntaxException unknown) {
            throw new EcmaRegexp.Invalid(at, "A Unicode property '" + name + "' Java's regex engine does not know");
        }
        return property;
    }

    private static Item character(int c) {
        return new Item(literal(c), c);
    }

    /** A character as Java reads it literally, in a class or out of one. */
    static String literal(int c) {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
            return String.valueOf((char) c);
        }
        if (c > 0x20 && c < 0x7F) {
            return "\\" + (char) c;
        }
        return "\\x{" + Integer.toHexString(c) + "}";
    }

    static void appendLiteral(StringBuilder out, int c) {
        out.append(literal(c));
    }
}
