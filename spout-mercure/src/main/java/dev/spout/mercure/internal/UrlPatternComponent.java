package dev.spout.mercure.internal;

import dev.spout.mercure.internal.UrlPatternParser.Modifier;
import dev.spout.mercure.internal.UrlPatternParser.Options;
import dev.spout.mercure.internal.UrlPatternParser.Part;
import dev.spout.mercure.internal.UrlPatternParser.PartType;
import dev.spout.mercure.internal.UrlPatternTokenizer.Source;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jspecify.annotations.Nullable;

/**
 * One compiled component of a URL pattern (https://urlpattern.spec.whatwg.org/#compile-a-component): its pattern
 * string parsed into parts, then matched against the component of a parsed URL. A part list without regexp groups,
 * the usual case, is matched by a {@link UrlPatternAutomaton} in linear time; one with regexp groups by the regular
 * expression the Standard generates, in {@link java.util.regex} form (the groups translated by {@link EcmaRegexp}),
 * within the caller's budget of reads.
 *
 * <pre>{@code
 * var pathname = UrlPatternComponent.compile("/books/:id", Options.PATHNAME, UrlPatternCanonical::pathname, source);
 * pathname.matches("/books/42", new BudgetedText.Budget(1_000)); // true
 * }</pre>
 */
final class UrlPatternComponent {
    private final int parts;
    private final boolean everything;
    private final @Nullable UrlPatternAutomaton automaton;
    private final @Nullable Pattern regex;

    private UrlPatternComponent(
            int parts, boolean everything, @Nullable UrlPatternAutomaton automaton, @Nullable Pattern regex) {
        this.parts = parts;
        this.everything = everything;
        this.automaton = automaton;
        this.regex = regex;
    }

    /**
     * The component of pattern string {@code input}.
     *
     * @throws IllegalArgumentException for a malformed pattern string, saying what is wrong and where
     */
    static UrlPatternComponent compile(String input, Options options, UnaryOperator<String> encoding, Source source) {
        List<Part> parts = UrlPatternParser.parse(input, options, encoding, source);
        boolean everything = parts.size() == 1
                && parts.get(0).type() == PartType.FULL_WILDCARD
                && parts.get(0).prefix().isEmpty()
                && parts.get(0).suffix().isEmpty();
        if (parts.stream().noneMatch(part -> part.type() == PartType.REGEXP)) {
            return new UrlPatternComponent(parts.size(), everything, UrlPatternAutomaton.of(parts, options), null);
        }
        return new UrlPatternComponent(parts.size(), false, null, regex(parts, options, source));
    }

    int parts() {
        return parts;
    }

    /**
     * Whether the component's value matches.
     *
     * @throws BudgetedText.Exhausted when a regexp group's match would read more than the budget allows
     */
    boolean matches(String value, BudgetedText.Budget budget) {
        if (everything) {
            return true; // ".*" takes all but line terminators, which no parsed component holds
        }
        if (automaton != null) {
            return automaton.matches(value);
        }
        return regex != null && regex.matcher(new BudgetedText(value, budget)).matches();
    }

    /** The Standard's "generate a regular expression and name list", written for java.util.regex. */
    private static Pattern regex(List<Part> parts, Options options, Source source) {
        var out = new StringBuilder();
        Set<String> groupNames = new HashSet<>();
        for (Part part : parts) {
            String modifier = part.modifier().symbol;
            if (part.type() == PartType.FIXED_TEXT) {
                out.append(
                        part.modifier() == Modifier.NONE
                                ? quote(part.value())
                                : "(?:" + quote(part.value()) + ")" + modifier);
                continue;
            }
            String value = switch (part.type()) {
                case SEGMENT_WILDCARD ->
                    options.delimiter().isEmpty()
                            ? "[\\x{0}-\\x{10FFFF}]+?" // ECMAScript's "[^]+?": Java has no empty negated class
                            : "[^" + quote(options.delimiter()) + "]+?";
                case FULL_WILDCARD -> ".*";
                default -> translate(part, groupNames, source);
            };
            String prefix = quote(part.prefix());
            String suffix = quote(part.suffix());
            boolean repeats = part.modifier() == Modifier.ZERO_OR_MORE || part.modifier() == Modifier.ONE_OR_MORE;
            if (prefix.isEmpty() && suffix.isEmpty()) {
                out.append(repeats ? "((?:" + value + ")" + modifier + ")" : "(" + value + ")" + modifier);
            } else if (!repeats) {
                out.append("(?:" + prefix + "(" + value + ")" + suffix + ")" + modifier);
            } else {
                // Between two repetitions come the suffix of one and the prefix of the next.
                String again = "(?:" + suffix + prefix + "(?:" + value + "))*";
                out.append("(?:" + prefix + "((?:" + value + ")" + again + ")" + suffix + ")");
                out.append(part.modifier() == Modifier.ZERO_OR_MORE ? "?" : "");
            }
        }
        return Pattern.compile(out.toString());
    }

    private static String translate(Part part, Set<String> groupNames, Source source) {
        String java;
        try {
            java = EcmaRegexp.toJava(part.value(), groupNames);
        } catch (EcmaRegexp.Invalid invalid) {
            throw source.invalid(part.at() + 1 + invalid.at, invalid.getMessage() + " in a regexp group");
        }
        try {
            Pattern.compile(java);
        } catch (PatternSyntaxException refused) {
            throw source.invalid(
                    part.at(), "A regexp group Java's regex engine cannot run (" + refused.getDescription() + ")");
        }
        return java;
    }

    /** Fixed text as java.util.regex reads it literally. */
    private static String quote(String text) {
        var out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> EcmaCharClass.appendLiteral(out, c));
        return out.toString();
    }

    /** The Standard's "escape a regexp string" (ECMAScript source, as regexp tokens are compared with it). */
    static String escape(String text) {
        var out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (".+*?^${}()[]|/\\".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
