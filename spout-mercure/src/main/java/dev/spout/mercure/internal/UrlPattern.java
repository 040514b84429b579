package dev.spout.mercure.internal;

import dev.spout.mercure.internal.UrlPatternConstructorString.Text;
import dev.spout.mercure.internal.UrlPatternParser.Options;
import dev.spout.mercure.internal.UrlPatternTokenizer.Source;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A WHATWG URL pattern (https://urlpattern.spec.whatwg.org/) written as a string, {@code new URLPattern(pattern)}
 * with neither base URL nor options, and its {@code test(url)}: the selector of Mercure's {@code match_urlpattern}
 * and of a token's {@code URLPattern} matchers. A topic matches when it parses as a URL (the URL Standard's parser,
 * {@link WhatwgUrl}) whose eight components each match the pattern's: {@code https://example.com/books/:id} matches
 * {@code https://EXAMPLE.com:443/books/1?x#y} (search and hash are wildcards when the pattern stops before them; the
 * port, the scheme's default when it names a host without one).
 *
 * <p>A pattern without a scheme is relative, and the Standard refuses it without a base URL, which the hub does not
 * take. Patterns are bounded ({@value Topics#MAX_LENGTH} characters, {@value #MAX_PARTS} parts); case is significant
 * (no {@code ignoreCase}); a match is decided in time linear in the topic unless the pattern has regexp groups, and
 * then within {@value #MAX_STEPS} reads of the topic's characters (more gives "no match").
 *
 * <pre>{@code
 * UrlPattern books = UrlPattern.compile("https://example.com/books/:id");
 * books.matches("https://example.com/books/1");   // true
 * books.matches("https://example.com/authors/1"); // false
 * books.matches("not a url");                     // false
 * }</pre>
 */
final class UrlPattern {
    static final int MAX_PARTS = 64;
    static final long MAX_STEPS = 200_000;

    /** The components of a URL, in the order the Standard lists them. */
    enum Component {
        PROTOCOL,
        USERNAME,
        PASSWORD,
        HOSTNAME,
        PORT,
        PATHNAME,
        SEARCH,
        HASH
    }

    private final String pattern;
    private final Map<Component, UrlPatternComponent> components;

    private UrlPattern(String pattern, Map<Component, UrlPatternComponent> components) {
        this.pattern = pattern;
        this.components = components;
    }

    /**
     * The pattern, compiled once, to be matched many times.
     *
     * @throws IllegalArgumentException for a pattern the Standard refuses or one over the bounds, saying what is wrong
     *     and at which index
     */
    static UrlPattern compile(String pattern) {
        if (pattern.length() > Topics.MAX_LENGTH) {
            throw new IllegalArgumentException("A URL pattern is at most " + Topics.MAX_LENGTH + " characters");
        }
        Map<Component, Text> init = UrlPatternConstructorString.parse(pattern);
        if (!init.containsKey(Component.PROTOCOL)) {
            throw Source.of(pattern)
                    .invalid(
                            0,
                            "A relative URL pattern (it needs a scheme, as in https://example.com/books/:id; the hub"
                                    + " has no base URL to resolve it against)");
        }
        // "Process a URLPatternInit" for a pattern: the separators the constructor string may have left in.
        strip(init, Component.PROTOCOL, ":", false);
        strip(init, Component.SEARCH, "?", true);
        strip(init, Component.HASH, "#", true);
        for (Component component : Component.values()) {
            init.putIfAbsent(component, new Text("*", 0));
        }
        String protocol = init.get(Component.PROTOCOL).value();
        String port = init.get(Component.PORT).value();
        int defaultPort = WhatwgUrl.defaultPort(protocol);
        if (defaultPort >= 0 && port.equals(Integer.toString(defaultPort))) {
            init.put(Component.PORT, new Text("", 0));
        }
        var components = new EnumMap<Component, UrlPatternComponent>(Component.class);
        int parts = 0;
        for (Component component : Component.values()) {
            Text text = init.get(component);
            Source source = Source.of(pattern).at(text.offset());
            Options options = Options.DEFAULT;
            UnaryOperator<String> encoding = switch (component) {
                case PROTOCOL -> UrlPatternCanonical::protocol;
                case USERNAME, PASSWORD -> UrlPatternCanonical::userinfo;
                case HOSTNAME -> {
                    options = Options.HOSTNAME;
                    yield isIpv6(text.value()) ? UrlPatternCanonical::ipv6Hostname : UrlPatternCanonical::hostname;
                }
                case PORT -> UrlPatternCanonical.port(protocol);
                case PATHNAME -> {
                    if (matchesASpecialScheme(components.get(Component.PROTOCOL))) {
                        options = Options.PATHNAME;
                        yield UrlPatternCanonical::pathname;
                    }
                    yield UrlPatternCanonical::opaquePathname;
                }
                case SEARCH -> UrlPatternCanonical::search;
                case HASH -> UrlPatternCanonical::hash;
            };
            UrlPatternComponent compiled = UrlPatternComponent.compile(text.value(), options, encoding, source);
            parts += compiled.parts();
            if (parts > MAX_PARTS) {
                throw source.invalid(0, "A URL pattern of more than " + MAX_PARTS + " parts (texts and groups)");
            }
            components.put(component, compiled);
        }
        return new UrlPattern(pattern, components);
    }

    /**
     * Whether {@code input} is a URL the pattern matches (the Standard's {@code test()}); false for anything else, an
     * input over {@value Topics#MAX_LENGTH} characters included. Never throws.
     */
    boolean matches(String input) {
        return matches(input, new BudgetedText.Budget(MAX_STEPS));
    }

    /**
     * {@link #matches(String)} within a budget shared with other matches (one subscriber's selectors, for one update):
     * past it, "no match".
     */
    boolean matches(String input, BudgetedText.Budget budget) {
        if (input.length() > Topics.MAX_LENGTH) {
            return false;
        }
        try {
            WhatwgUrl url = WhatwgUrl.parse(input);
            if (url == null) {
                return false;
            }
            return components.get(Component.PROTOCOL).matches(url.scheme, budget)
                    && components.get(Component.USERNAME).matches(url.username, budget)
                    && components.get(Component.PASSWORD).matches(url.password, budget)
                    && components.get(Component.HOSTNAME).matches(url.hostname(), budget)
                    && components.get(Component.PORT).matches(url.portString(), budget)
                    && components.get(Component.PATHNAME).matches(url.pathname(), budget)
                    && components.get(Component.SEARCH).matches(url.search(), budget)
                    && components.get(Component.HASH).matches(url.hash(), budget);
        } catch (BudgetedText.Exhausted | StackOverflowError tooCostly) {
            // A regexp group that reads past the budget, or recurses past the thread's stack (java.util.regex
            // recurses once per iteration of a repeated group), decides "no match" rather than hold or fail the caller.
            return false;
        }
    }

    static boolean matchesASpecialScheme(UrlPatternComponent protocol) {
        var budget = new BudgetedText.Budget(MAX_STEPS);
        try {
            for (String scheme : WhatwgUrl.SPECIAL_SCHEMES.keySet()) {
                if (protocol.matches(scheme, budget)) {
                    return true;
                }
            }
        } catch (BudgetedText.Exhausted | StackOverflowError tooCostly) {
            return false;
        }
        return false;
    }

    private static void strip(Map<Component, Text> init, Component component, String separator, boolean leading) {
        Text text = init.get(component);
        if (text == null) {
            return;
        }
        String value = text.value();
        if (leading && value.startsWith(separator)) {
            init.put(component, new Text(value.substring(1), text.offset() + 1));
        } else if (!leading && value.endsWith(separator)) {
            init.put(component, new Text(value.substring(0, value.length() - 1), text.offset()));
        }
    }

    /** Whether a hostname pattern is an IPv6 address's: {@code [}, {@code {[} or {@code \[} first. */
    private static boolean isIpv6(String hostname) {
        return hostname.length() >= 2
                && (hostname.charAt(0) == '['
                        || (hostname.charAt(0) == '{' || hostname.charAt(0) == '\\') && hostname.charAt(1) == '[');
    }

    @Override
    public String toString() {
        return pattern;
    }
}
