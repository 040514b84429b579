package dev.spout.mercure.internal;

import java.util.regex.Pattern;

/**
 * An RFC 6570 URI template (levels 1 to 4) as a topic selector of the Mercure 0.x generation (draft-07's {@code
 * topic=https://example.com/books/{id}}): a topic matches when some values of the variables expand the template to
 * it. Written here because the template libraries of the JVM expand templates and none matches them.
 *
 * <p>The template compiles to a regular expression in which each expression is its operator's prefix and a run of
 * the characters its expansions are made of; a match is decided within a bound of work ({@link #matches}). Matching
 * is a little more permissive than expansion: prefix lengths ({@code {var:3}}) are not enforced, and a percent sign
 * need not start a well-formed escape. Templates are bounded in length and in expressions.
 *
 * <pre>{@code
 * UriTemplate.compile("https://example.com/books/{id}").matches("https://example.com/books/42"); // true
 * }</pre>
 */
final class UriTemplate {
    static final int MAX_LENGTH = 2048;
    static final int MAX_EXPRESSIONS = 32;
    static final long MAX_STEPS = 200_000;

    private static final String UNRESERVED = "A-Za-z0-9\\-._~";
    private static final String RESERVED = ":/?#\\[\\]@!$&'()*+,;=";
    private static final String PCT = "%[0-9A-Fa-f]{2}";
    private static final String VARNAME = "(?:[A-Za-z0-9_]|" + PCT + ")(?:\\.?(?:[A-Za-z0-9_]|" + PCT + "))*";

    private final String template;
    private final Pattern pattern;

    private UriTemplate(String template, Pattern pattern) {
        this.template = template;
        this.pattern = pattern;
    }

    /**
     * The template, compiled.
     *
     * @throws IllegalArgumentException if it is not an RFC 6570 template (an unclosed or empty expression, a reserved
     *     operator, a bad variable name) or is over the bounds
     */
    static UriTemplate compile(String template) {
        if (template.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("A URI template is at most " + MAX_LENGTH + " characters");
        }
        var regex = new StringBuilder();
        int expressions = 0;
        int at = 0;
        while (at < template.length()) {
            int open = template.indexOf('{', at);
            int close = template.indexOf('}', at);
            if (close >= 0 && (open < 0 || close < open)) {
                throw new IllegalArgumentException("A '}' without its '{' at " + close + " in " + template);
            }
            if (open < 0) {
                regex.append(Pattern.quote(template.substring(at)));
                break;
            }
            if (open > at) {
                regex.append(Pattern.quote(template.substring(at, open)));
            }
            close = template.indexOf('}', open);
            if (close < 0) {
                throw new IllegalArgumentException("An expression without its '}' at " + open + " in " + template);
            }
            if (++expressions > MAX_EXPRESSIONS) {
                throw new IllegalArgumentException("A URI template has at most " + MAX_EXPRESSIONS + " expressions");
            }
            regex.append(expression(template.substring(open + 1, close), template));
            at = close + 1;
        }
        return new UriTemplate(template, Pattern.compile(regex.toString()));
    }

    /**
     * Whether some values of the variables expand the template to {@code topic}; false too when deciding would cost
     * more than {@value #MAX_STEPS} character reads (expressions next to each other can make a backtracking engine
     * try every way to split the topic between them: a bound, rather than a time, keeps the cost of a crafted
     * template per topic in a known range).
     */
    boolean matches(String topic) {
        return matches(topic, new BudgetedText.Budget(MAX_STEPS));
    }

    /** {@link #matches(String)} within a budget shared with other matches: past it, "no match". */
    boolean matches(String topic, BudgetedText.Budget budget) {
        try {
            return pattern.matcher(new BudgetedText(topic, budget)).matches();
        } catch (BudgetedText.Exhausted tooCostly) {
            return false;
        }
    }

    /** What one expression ({@code op var, var:3, var*}) may expand to. */
    private static String expression(String body, String template) {
        if (body.isEmpty()) {
            throw new IllegalArgumentException("An empty expression in " + template);
        }
        char operator = body.charAt(0);
        String variables = "+#./;?&".indexOf(operator) >= 0 ? body.substring(1) : body;
        if ("=,!@|".indexOf(operator) >= 0) {
            throw new IllegalArgumentException("The operator '" + operator + "' is reserved, in " + template);
        }
        for (String variable : variables.split(",", -1)) {
            String name = variable.endsWith("*") ? variable.substring(0, variable.length() - 1) : variable;
            int colon = name.indexOf(':');
            if (colon >= 0) {
                String length = name.substring(colon + 1);
                if (!length.matches("[1-9][0-9]{0,3}")) {
                    throw new IllegalArgumentException("A bad prefix length '" + length + "' in " + template);
                }
                name = name.substring(0, colon);
            }
            if (!name.matches(VARNAME)) {
                throw new IllegalArgumentException("A bad variable name '" + name + "' in " + template);
            }
        }
        // Each operator's expansions, of any number of variables and list items, flattened into its prefix and a
        // run of the characters that can follow it (separators included): no repeated group, so the engine neither
        // recurses per character nor reads one input several ways inside one expression.
        return switch (operator) {
            case '+' -> run(UNRESERVED + RESERVED);
            case '#' -> "(?:#" + run(UNRESERVED + RESERVED) + ")?";
            case '.' -> "(?:\\." + run(UNRESERVED + ",=") + ")?";
            case '/' -> "(?:/" + run(UNRESERVED + ",=/") + ")?";
            case ';' -> "(?:;" + run(UNRESERVED + ",=;") + ")?";
            case '?' -> "(?:\\?" + run(UNRESERVED + ",=&") + ")?";
            case '&' -> "(?:&" + run(UNRESERVED + ",=&") + ")?";
            default -> run(UNRESERVED + ",=");
        };
    }

    /** Any run of the allowed characters and of percent signs (their two hex digits are among the allowed). */
    private static String run(String allowed) {
        return "[" + allowed + "%]*";
    }

    @Override
    public String toString() {
        return template;
    }
}
