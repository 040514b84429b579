package dev.spout.mercure.internal;

import dev.spout.mercure.internal.UrlPattern.Component;
import dev.spout.mercure.internal.UrlPatternTokenizer.Source;
import dev.spout.mercure.internal.UrlPatternTokenizer.Token;
import dev.spout.mercure.internal.UrlPatternTokenizer.Type;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The URL Pattern Standard's constructor string parser
 * (https://urlpattern.spec.whatwg.org/#constructor-string-parsing): a pattern written as a URL, {@code
 * https://*.example.com/books/:id}, cut into its components' pattern strings. It works on lenient tokens, so that
 * a ':' of a named group is not taken for a port's and a component boundary never falls inside {@code {…}}; the
 * components it finds are then parsed each by its own rules.
 *
 * <pre>{@code
 * UrlPatternConstructorString.parse("https://example.com/books/:id");
 * // {PROTOCOL=https, HOSTNAME=example.com, PORT=, PATHNAME=/books/:id}
 * }</pre>
 */
final class UrlPatternConstructorString {
    private enum State {
        INIT(null),
        PROTOCOL(Component.PROTOCOL),
        AUTHORITY(null),
        USERNAME(Component.USERNAME),
        PASSWORD(Component.PASSWORD),
        HOSTNAME(Component.HOSTNAME),
        PORT(Component.PORT),
        PATHNAME(Component.PATHNAME),
        SEARCH(Component.SEARCH),
        HASH(Component.HASH),
        DONE(null);

        final Component component;

        State(Component component) {
            this.component = component;
        }
    }

    /** A component's pattern string and where it starts in the whole pattern. */
    record Text(String value, int offset) {}

    private final String input;
    private final List<Token> tokens;
    private final Map<Component, Text> result = new EnumMap<>(Component.class);
    private int componentStart;
    private int tokenIndex;
    private int tokenIncrement = 1;
    private int groupDepth;
    private int ipv6BracketDepth;
    private boolean protocolIsSpecial;
    private State state = State.INIT;

    private UrlPatternConstructorString(String input) {
        this.input = input;
        this.tokens = UrlPatternTokenizer.tokenize(input, false, Source.of(input));
    }

    /**
     * The components the pattern names; those it leaves out are absent (a wildcard, for the caller).
     *
     * @throws IllegalArgumentException when the protocol's pattern is malformed (it is compiled on the way)
     */
    static Map<Component, Text> parse(String input) {
        var parser = new UrlPatternConstructorString(input);
        parser.run();
        return parser.result;
    }

    private void run() {
        while (tokenIndex < tokens.size()) {
            tokenIncrement = 1;
            if (tokens.get(tokenIndex).type() == Type.END) {
                if (state == State.INIT) {
                    rewind();
                    if (isHashPrefix()) {
                        changeState(State.HASH, 1);
                    } else if (isSearchPrefix()) {
                        changeState(State.SEARCH, 1);
                    } else {
                        changeState(State.PATHNAME, 0);
                    }
                    tokenIndex += tokenIncrement;
                    continue;
                }
                if (state == State.AUTHORITY) {
                    rewind();
                    state = State.HOSTNAME;
                    tokenIndex += tokenIncrement;
                    continue;
                }
                changeState(State.DONE, 0);
                break;
            }
            if (tokens.get(tokenIndex).type() == Type.OPEN) {
                groupDepth++;
                tokenIndex += tokenIncrement;
                continue;
            }
            if (groupDepth > 0) {
                if (tokens.get(tokenIndex).type() == Type.CLOSE) {
                    groupDepth--;
                } else {
                    tokenIndex += tokenIncrement;
                    continue;
                }
            }
            step();
            tokenIndex += tokenIncrement;
        }
        if (result.containsKey(Component.HOSTNAME) && !result.containsKey(Component.PORT)) {
            // A hostname without a port means the scheme's default port, not any port.
            result.put(Component.PORT, new Text("", input.length()));
        }
    }

    private void step() {
        switch (state) {
            case INIT -> {
                if (isChar(tokenIndex, ":")) {
                    rewind();
                    state = State.PROTOCOL;
                }
            }
            case PROTOCOL -> {
                if (isChar(tokenIndex, ":")) {
                    computeProtocolIsSpecial();
                    if (isChar(tokenIndex + 1, "/") && isChar(tokenIndex + 2, "/")) {
                        changeState(State.AUTHORITY, 3);
                    } else {
                        changeState(protocolIsSpecial ? State.AUTHORITY : State.PATHNAME, 1);
                    }
                }
            }
            case AUTHORITY -> {
                if (isChar(tokenIndex, "@")) {
                    rewind();
                    state = State.USERNAME;
                } else if (isChar(tokenIndex, "/") || isSearchPrefix() || isHashPrefix()) {
                    rewind();
                    state = State.HOSTNAME;
                }
            }
            case USERNAME -> {
                if (isChar(tokenIndex, ":")) {
                    changeState(State.PASSWORD, 1);
                } else if (isChar(tokenIndex, "@")) {
                    changeState(State.HOSTNAME, 1);
                }
            }
            case PASSWORD -> {
                if (isChar(tokenIndex, "@")) {
                    changeState(State.HOSTNAME, 1);
                }
            }
            case HOSTNAME -> {
                if (isChar(tokenIndex, "[")) {
                    ipv6BracketDepth++;
                } else if (isChar(tokenIndex, "]")) {
                    ipv6BracketDepth--;
                } else if (isChar(tokenIndex, ":") && ipv6BracketDepth == 0) {
                    changeState(State.PORT, 1);
                } else {
                    afterPort();
                }
            }
            case PORT -> afterPort();
            case PATHNAME -> {
                if (isSearchPrefix()) {
                    changeState(State.SEARCH, 1);
                } else if (isHashPrefix()) {
                    changeState(State.HASH, 1);
                }
            }
            case SEARCH -> {
                if (isHashPrefix()) {
                    changeState(State.HASH, 1);
                }
            }
            default -> {}
        }
    }

    /** What ends a hostname or a port: a path, a query or a fragment. */
    private void afterPort() {
        if (isChar(tokenIndex, "/")) {
            changeState(State.PATHNAME, 0);
        } else if (isSearchPrefix()) {
            changeState(State.SEARCH, 1);
        } else if (isHashPrefix()) {
            changeState(State.HASH, 1);
        }
    }

    private void changeState(State next, int skip) {
        if (state.component != null) {
            result.put(state.component, componentString());
        }
        if (state != State.INIT && next != State.DONE) {
            boolean authority = state.ordinal() <= State.PASSWORD.ordinal();
            if (authority && next.ordinal() >= State.PORT.ordinal() && !result.containsKey(Component.HOSTNAME)) {
                result.put(Component.HOSTNAME, new Text("", 0));
            }
            boolean beforePath = state.ordinal() <= State.PORT.ordinal();
            if (beforePath && next.ordinal() >= State.SEARCH.ordinal() && !result.containsKey(Component.PATHNAME)) {
                result.put(Component.PATHNAME, new Text(protocolIsSpecial ? "/" : "", 0));
            }
            boolean beforeSearch = state.ordinal() <= State.PATHNAME.ordinal();
            if (beforeSearch && next == State.HASH && !result.containsKey(Component.SEARCH)) {
                result.put(Component.SEARCH, new Text("", 0));
            }
        }
        state = next;
        tokenIndex += skip;
        componentStart = tokenIndex;
        tokenIncrement = 0;
    }

    private void rewind() {
        tokenIndex = componentStart;
        tokenIncrement = 0;
    }

    private Token safeToken(int index) {
        return index < tokens.size() ? tokens.get(index) : tokens.get(tokens.size() - 1);
    }

    /** Whether the token is the character {@code value}, written as is or escaped (no pattern syntax). */
    private boolean isChar(int index, String value) {
        Token token = safeToken(index);
        return token.value().equals(value)
                && (token.type() == Type.CHAR
                        || token.type() == Type.ESCAPED_CHAR
                        || token.type() == Type.INVALID_CHAR);
    }

    /** A '?' starts the query unless it is a modifier (after a name, a regexp, a '}' or a '*'). */
    private boolean isSearchPrefix() {
        if (isChar(tokenIndex, "?")) {
            return true;
        }
        if (!tokens.get(tokenIndex).value().equals("?")) {
            return false;
        }
        if (tokenIndex == 0) {
            return true;
        }
        Type previous = safeToken(tokenIndex - 1).type();
        return previous != Type.NAME && previous != Type.REGEXP && previous != Type.CLOSE && previous != Type.ASTERISK;
    }

    private boolean isHashPrefix() {
        return isChar(tokenIndex, "#");
    }

    private Text componentString() {
        int start = safeToken(componentStart).index();
        return new Text(input.substring(start, tokens.get(tokenIndex).index()), start);
    }

    /** Whether the protocol's pattern matches a special scheme: the path is then a hierarchical one. */
    private void computeProtocolIsSpecial() {
        Text protocol = componentString();
        UrlPatternComponent compiled = UrlPatternComponent.compile(
                protocol.value(),
                UrlPatternParser.Options.DEFAULT,
                UrlPatternCanonical::protocol,
                Source.of(input).at(protocol.offset()));
        protocolIsSpecial = UrlPattern.matchesASpecialScheme(compiled);
    }
}
