package dev.spout.mercure.internal;

import org.jspecify.annotations.Nullable;

/**
 * The URL Standard's basic URL parser (https://url.spec.whatwg.org/#concept-basic-url-parser), its state machine
 * step for step, without a base URL (a topic is absolute; a relative one is no URL and matches no pattern) and with
 * UTF-8 as the only encoding. A state override runs one component's states over a given URL, as the URL Pattern
 * Standard's canonicalizers do with its dummy URL. The authority and path states are in {@link
 * WhatwgAuthorityStates} and {@link WhatwgPathStates}.
 *
 * <pre>{@code
 * var url = new WhatwgUrl();
 * boolean parsed = new WhatwgUrlParser("https://example.com/a", url, null).run(); // true
 * }</pre>
 */
final class WhatwgUrlParser {
    enum State {
        SCHEME_START,
        SCHEME,
        NO_SCHEME,
        SPECIAL_AUTHORITY_SLASHES,
        PATH_OR_AUTHORITY,
        SPECIAL_AUTHORITY_IGNORE_SLASHES,
        AUTHORITY,
        HOST,
        HOSTNAME,
        PORT,
        FILE,
        FILE_SLASH,
        FILE_HOST,
        PATH_START,
        PATH,
        OPAQUE_PATH,
        QUERY,
        FRAGMENT
    }

    static final int EOF = -1;

    // Package-private for the states in WhatwgAuthorityStates and WhatwgPathStates, which share them.
    private final int[] input;
    final WhatwgUrl url;
    final @Nullable State override;
    State state;
    final StringBuilder buffer = new StringBuilder();
    boolean atSignSeen;
    boolean insideBrackets;
    boolean passwordTokenSeen;
    int pointer;

    WhatwgUrlParser(String input, WhatwgUrl url, @Nullable State override) {
        String text = input;
        if (override == null) {
            // Only a whole URL is trimmed of leading and trailing C0 controls and spaces.
            int start = 0;
            int end = text.length();
            while (start < end && text.charAt(start) <= 0x20) {
                start++;
            }
            while (end > start && text.charAt(end - 1) <= 0x20) {
                end--;
            }
            text = text.substring(start, end);
        }
        // Tabs and newlines are removed, and lone surrogates read as U+FFFD (a scalar value string).
        this.input = text.codePoints()
                .filter(c -> c != '\t' && c != '\n' && c != '\r')
                .map(c -> c >= 0xD800 && c <= 0xDFFF ? 0xFFFD : c)
                .toArray();
        this.url = url;
        this.override = override;
        this.state = override == null ? State.SCHEME_START : override;
    }

    /** Runs the parser; false for failure (the URL may then be partly filled in, and is to be dropped). */
    boolean run() {
        for (pointer = 0; ; pointer++) {
            Boolean returned = step(pointer < input.length ? input[pointer] : EOF);
            if (returned != null) {
                return returned;
            }
            if (pointer >= input.length) {
                return true;
            }
        }
    }

    /** One run of the state machine: null to go on, or what the parser returns (true for success). */
    private @Nullable Boolean step(int c) {
        switch (state) {
            case SCHEME_START -> {
                if (isAlpha(c)) {
                    buffer.appendCodePoint(Character.toLowerCase(c));
                    state = State.SCHEME;
                } else if (override == null) {
                    state = State.NO_SCHEME;
                    pointer--;
                } else {
                    return false;
                }
            }
            case SCHEME -> {
                if (isAlpha(c) || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.') {
                    buffer.appendCodePoint(Character.toLowerCase(c));
                } else if (c == ':') {
                    url.scheme = buffer.toString();
                    buffer.setLength(0);
                    if (url.scheme.equals("file")) {
                        state = State.FILE;
                    } else if (url.special()) {
                        state = State.SPECIAL_AUTHORITY_SLASHES;
                    } else if (remainingStartsWith('/')) {
                        state = State.PATH_OR_AUTHORITY;
                        pointer++;
                    } else {
                        url.opaquePath = new StringBuilder();
                        state = State.OPAQUE_PATH;
                    }
                } else if (override == null) {
                    buffer.setLength(0);
                    state = State.NO_SCHEME;
                    pointer = -1;
                } else {
                    return false;
                }
            }
            case NO_SCHEME -> {
                return false; // no base URL: a relative reference is no URL here
            }
            case SPECIAL_AUTHORITY_SLASHES -> {
                state = State.SPECIAL_AUTHORITY_IGNORE_SLASHES;
                if (c == '/' && remainingStartsWith('/')) {
                    pointer++;
                } else {
                    pointer--;
                }
            }
            case PATH_OR_AUTHORITY -> {
                if (c == '/') {
                    state = State.AUTHORITY;
                } else {
                    state = State.PATH;
                    pointer--;
                }
            }
            case SPECIAL_AUTHORITY_IGNORE_SLASHES -> {
                if (c != '/' && c != '\\') {
                    state = State.AUTHORITY;
                    pointer--;
                }
            }
            case AUTHORITY, HOST, HOSTNAME, PORT, FILE_HOST -> {
                return WhatwgAuthorityStates.step(this, c);
            }
            case FILE -> {
                url.scheme = "file";
                url.host = "";
                if (c == '/' || c == '\\') {
                    state = State.FILE_SLASH;
                } else {
                    state = State.PATH;
                    pointer--;
                }
            }
            case FILE_SLASH -> {
                if (c == '/' || c == '\\') {
                    state = State.FILE_HOST;
                } else {
                    state = State.PATH;
                    pointer--;
                }
            }
            case PATH_START, PATH, OPAQUE_PATH -> {
                return WhatwgPathStates.step(this, c);
            }
            case QUERY -> {
                if ((override == null && c == '#') || c == EOF) {
                    var set = url.special() ? PercentEncodeSet.SPECIAL_QUERY : PercentEncodeSet.QUERY;
                    appendEncoded(url.query, set, buffer);
                    buffer.setLength(0);
                    if (c == '#') {
                        url.fragment = new StringBuilder();
                        state = State.FRAGMENT;
                    }
                } else {
                    buffer.appendCodePoint(c);
                }
            }
            case FRAGMENT -> {
                if (c != EOF) {
                    PercentEncodeSet.FRAGMENT.append(url.fragment, c);
                }
            }
        }
        return null;
    }

    private static void appendEncoded(@Nullable StringBuilder into, PercentEncodeSet set, CharSequence text) {
        if (into != null) {
            text.codePoints().forEach(codePoint -> set.append(into, codePoint));
        }
    }

    static boolean isAlpha(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    boolean remainingStartsWith(int c) {
        return pointer + 1 < input.length && input[pointer + 1] == c;
    }
}
