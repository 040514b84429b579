package dev.spout.mercure.internal;

import dev.spout.mercure.internal.UrlPatternTokenizer.Source;
import dev.spout.mercure.internal.UrlPatternTokenizer.Token;
import dev.spout.mercure.internal.UrlPatternTokenizer.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * The URL Pattern Standard's pattern parser (https://urlpattern.spec.whatwg.org/#parsing): one component's pattern
 * string into its part list, each part fixed text or a matching group (segment wildcard {@code :name}, full wildcard
 * {@code *}, or a regexp {@code (…)}) with an optional prefix, suffix and modifier. Fixed text goes through the
 * component's encoding callback (its canonicalizer), as the Standard asks, so that it compares with a parsed URL's
 * component as that is written.
 *
 * <pre>{@code
 * UrlPatternParser.parse("/books/:id?", UrlPatternParser.Options.PATHNAME, s -> s, Source.of("/books/:id?"));
 * // [fixed "/books", segment-wildcard "id" with prefix "/" and modifier optional]
 * }</pre>
 */
final class UrlPatternParser {
    enum PartType {
        FIXED_TEXT,
        REGEXP,
        SEGMENT_WILDCARD,
        FULL_WILDCARD
    }

    enum Modifier {
        NONE(""),
        OPTIONAL("?"),
        ZERO_OR_MORE("*"),
        ONE_OR_MORE("+");

        final String symbol;

        Modifier(String symbol) {
            this.symbol = symbol;
        }
    }

    /** A part; {@code at} is where its regexp token starts (-1 for the other types), to say where a bad one is. */
    record Part(PartType type, String value, Modifier modifier, String name, String prefix, String suffix, int at) {}

    /** The Standard's options: the segment delimiter and the automatic prefix, each one character or none. */
    record Options(String delimiter, String prefix) {
        static final Options DEFAULT = new Options("", "");
        static final Options HOSTNAME = new Options(".", "");
        static final Options PATHNAME = new Options("/", "/");

        /** The segment wildcard as the Standard writes it (ECMAScript source, compared with regexp tokens). */
        String segmentWildcard() {
            return "[^" + UrlPatternComponent.escape(delimiter) + "]+?";
        }
    }

    static final String FULL_WILDCARD = ".*";

    private final List<Token> tokens;
    private final Options options;
    private final UnaryOperator<String> encoding;
    private final Source source;
    private final List<Part> parts = new ArrayList<>();
    private final StringBuilder pending = new StringBuilder();
    private int pendingAt = -1;
    private int index;
    private int nextNumericName;

    private UrlPatternParser(String input, Options options, UnaryOperator<String> encoding, Source source) {
        this.tokens = UrlPatternTokenizer.tokenize(input, true, source);
        this.options = options;
        this.encoding = encoding;
        this.source = source;
    }

    /**
     * The part list of one component's pattern string.
     *
     * @param encoding the component's canonicalizer; it throws {@link IllegalArgumentException} for text that
     *     cannot be in the component
     * @throws IllegalArgumentException for a malformed pattern, saying what and where
     */
    static List<Part> parse(String input, Options options, UnaryOperator<String> encoding, Source source) {
        var parser = new UrlPatternParser(input, options, encoding, source);
        parser.run();
        return parser.parts;
    }

    private void run() {
        while (index < tokens.size()) {
            Token charToken = tryConsume(Type.CHAR);
            Token nameToken = tryConsume(Type.NAME);
            Token regexpOrWildcard = tryConsumeRegexpOrWildcard(nameToken);
            if (nameToken != null || regexpOrWildcard != null) {
                String prefix = charToken == null ? "" : charToken.value();
                if (!prefix.isEmpty() && !prefix.equals(options.prefix())) {
                    appendPending(prefix, charToken.index());
                    prefix = "";
                }
                flushPending();
                Token modifier = tryConsumeModifier();
                addPart(prefix, nameToken, regexpOrWildcard, "", modifier, charToken);
                continue;
            }
            Token fixed = charToken != null ? charToken : tryConsume(Type.ESCAPED_CHAR);
            if (fixed != null) {
                appendPending(fixed.value(), fixed.index());
                continue;
            }
            Token open = tryConsume(Type.OPEN);
            if (open != null) {
                String prefix = consumeText();
                nameToken = tryConsume(Type.NAME);
                regexpOrWildcard = tryConsumeRegexpOrWildcard(nameToken);
                String suffix = consumeText();
                consumeRequired(Type.CLOSE, open);
                Token modifier = tryConsumeModifier();
                addPart(prefix, nameToken, regexpOrWildcard, suffix, modifier, open);
                continue;
            }
            flushPending();
            consumeRequired(Type.END, null);
        }
    }

    private @Nullable Token tryConsume(Type type) {
        Token next = tokens.get(index);
        if (next.type() != type) {
            return null;
        }
        index++;
        return next;
    }

    private @Nullable Token tryConsumeModifier() {
        Token token = tryConsume(Type.OTHER_MODIFIER);
        return token != null ? token : tryConsume(Type.ASTERISK);
    }

    private @Nullable Token tryConsumeRegexpOrWildcard(@Nullable Token nameToken) {
        Token token = tryConsume(Type.REGEXP);
        return nameToken == null && token == null ? tryConsume(Type.ASTERISK) : token;
    }

    private void consumeRequired(Type type, @Nullable Token open) {
        if (tryConsume(type) != null) {
            return;
        }
        Token found = tokens.get(index);
        String problem = switch (found.type()) {
            case END -> "A '{' without its '}'";
            case CLOSE -> "A '}' without its '{'";
            case OPEN -> "A '{' inside a '{…}' group (groups do not nest)";
            case OTHER_MODIFIER, ASTERISK -> "A modifier '" + found.value() + "' with nothing before it to modify";
            case NAME, REGEXP -> "A second matching group inside one '{…}' group";
            default -> "An unexpected '" + found.value() + "'";
        };
        throw source.invalid(found.type() == Type.END && open != null ? open.index() : found.index(), problem);
    }

    private String consumeText() {
        var text = new StringBuilder();
        for (Token token = tryConsume(Type.CHAR); ; token = tryConsume(Type.CHAR)) {
            if (token == null) {
                token = tryConsume(Type.ESCAPED_CHAR);
            }
            if (token == null) {
                return text.toString();
            }
            text.append(token.value());
        }
    }

    private void appendPending(String text, int at) {
        if (pending.isEmpty()) {
            pendingAt = at;
        }
        pending.append(text);
    }

    private void flushPending() {
        if (pending.isEmpty()) {
            return;
        }
        String encoded = encode(pending.toString(), pendingAt);
        pending.setLength(0);
        parts.add(new Part(PartType.FIXED_TEXT, encoded, Modifier.NONE, "", "", "", -1));
    }

    private void addPart(
            String prefix,
            @Nullable Token nameToken,
            @Nullable Token regexpOrWildcard,
            String suffix,
            @Nullable Token modifierToken,
            @Nullable Token start) {
        Modifier modifier = Modifier.NONE;
        if (modifierToken != null) {
            modifier = switch (modifierToken.value()) {
                case "?" -> Modifier.OPTIONAL;
                case "*" -> Modifier.ZERO_OR_MORE;
                default -> Modifier.ONE_OR_MORE;
            };
        }
        int at = start == null ? 0 : start.index();
        if (nameToken == null && regexpOrWildcard == null && modifier == Modifier.NONE) {
            // "{foo}": text like any other, merged with what comes before and after it.
            appendPending(prefix, at);
            return;
        }
        flushPending();
        if (nameToken == null && regexpOrWildcard == null) {
            if (!prefix.isEmpty()) {
                parts.add(new Part(PartType.FIXED_TEXT, encode(prefix, at), modifier, "", "", "", -1));
            }
            return;
        }
        String regexp;
        if (regexpOrWildcard == null) {
            regexp = options.segmentWildcard();
        } else if (regexpOrWildcard.type() == Type.ASTERISK) {
            regexp = FULL_WILDCARD;
        } else {
            regexp = regexpOrWildcard.value();
        }
        PartType type = PartType.REGEXP;
        if (regexp.equals(options.segmentWildcard())) {
            type = PartType.SEGMENT_WILDCARD;
            regexp = "";
        } else if (regexp.equals(FULL_WILDCARD)) {
            type = PartType.FULL_WILDCARD;
            regexp = "";
        }
        String name;
        if (nameToken != null) {
            name = nameToken.value();
        } else {
            name = Integer.toString(nextNumericName++);
        }
        for (Part part : parts) {
            if (part.name().equals(name)) {
                throw source.invalid(nameToken == null ? at : nameToken.index(), "A second group named '" + name + "'");
            }
        }
        int regexpAt = type == PartType.REGEXP ? regexpOrWildcard.index() : -1;
        parts.add(new Part(type, regexp, modifier, name, encode(prefix, at), encode(suffix, at), regexpAt));
    }

    private String encode(String text, int at) {
        if (text.isEmpty()) {
            return text;
        }
        try {
            return encoding.apply(text);
        } catch (IllegalArgumentException notInTheComponent) {
            throw source.invalid(at, "'" + text + "' " + notInTheComponent.getMessage());
        }
    }
}
