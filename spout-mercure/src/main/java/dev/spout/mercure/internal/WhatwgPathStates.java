package dev.spout.mercure.internal;

import dev.spout.mercure.internal.WhatwgUrlParser.State;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The path states of the URL Standard's basic URL parser (path start, path, opaque path): where dot segments are
 * resolved, backslashes read as slashes in special URLs, and each code point percent-encoded with the path's set.
 * Apart from {@link WhatwgUrlParser} because they are most of its length.
 *
 * <pre>{@code
 * WhatwgUrl.parse("https://e.com/a/./b/../c").pathname(); // "/a/c"
 * WhatwgUrl.parse("urn:isbn:0451450523").pathname();      // "isbn:0451450523" (an opaque path)
 * }</pre>
 */
final class WhatwgPathStates {
    private static final int EOF = WhatwgUrlParser.EOF;

    private WhatwgPathStates() {}

    static @Nullable Boolean step(WhatwgUrlParser parser, int c) {
        WhatwgUrl url = parser.url;
        switch (parser.state) {
            case PATH_START -> pathStart(parser, url, c);
            case PATH -> path(parser, url, c);
            default -> opaquePath(parser, url, c);
        }
        return null;
    }

    private static void pathStart(WhatwgUrlParser parser, WhatwgUrl url, int c) {
        if (url.special()) {
            parser.state = State.PATH;
            if (c != '/' && c != '\\') {
                parser.pointer--;
            }
        } else if (parser.override == null && c == '?') {
            url.query = new StringBuilder();
            parser.state = State.QUERY;
        } else if (parser.override == null && c == '#') {
            url.fragment = new StringBuilder();
            parser.state = State.FRAGMENT;
        } else if (c != EOF) {
            parser.state = State.PATH;
            if (c != '/') {
                parser.pointer--;
            }
        } else if (parser.override != null && url.host == null) {
            url.path.add("");
        }
    }

    private static void path(WhatwgUrlParser parser, WhatwgUrl url, int c) {
        boolean slash = c == '/' || (url.special() && c == '\\');
        boolean ends = parser.override == null && (c == '?' || c == '#');
        StringBuilder buffer = parser.buffer;
        if (c == EOF || slash || ends) {
            String segment = buffer.toString();
            if (isDoubleDot(segment)) {
                shorten(url);
                if (!slash) {
                    url.path.add("");
                }
            } else if (isSingleDot(segment) && !slash) {
                url.path.add("");
            } else if (!isSingleDot(segment)) {
                if (url.scheme.equals("file") && url.path.isEmpty() && isWindowsDriveLetter(segment, false)) {
                    segment = segment.charAt(0) + ":";
                }
                url.path.add(segment);
            }
            buffer.setLength(0);
            if (c == '?') {
                url.query = new StringBuilder();
                parser.state = State.QUERY;
            } else if (c == '#') {
                url.fragment = new StringBuilder();
                parser.state = State.FRAGMENT;
            }
        } else {
            PercentEncodeSet.PATH.append(buffer, c);
        }
    }

    private static void opaquePath(WhatwgUrlParser parser, WhatwgUrl url, int c) {
        StringBuilder path = url.opaquePath;
        if (path == null) {
            path = url.opaquePath = new StringBuilder();
        }
        if (c == '?') {
            url.query = new StringBuilder();
            parser.state = State.QUERY;
        } else if (c == '#') {
            url.fragment = new StringBuilder();
            parser.state = State.FRAGMENT;
        } else if (c == ' ') {
            // A space just before the query or fragment is encoded, so that serializing cannot lose it.
            path.append(parser.remainingStartsWith('?') || parser.remainingStartsWith('#') ? "%20" : " ");
        } else if (c != EOF) {
            PercentEncodeSet.C0_CONTROL.append(path, c);
        }
    }

    private static void shorten(WhatwgUrl url) {
        List<String> path = url.path;
        if (url.scheme.equals("file") && path.size() == 1 && isWindowsDriveLetter(path.get(0), true)) {
            return;
        }
        if (!path.isEmpty()) {
            path.remove(path.size() - 1);
        }
    }

    private static boolean isSingleDot(String segment) {
        return segment.equals(".") || segment.equalsIgnoreCase("%2e");
    }

    private static boolean isDoubleDot(String segment) {
        return switch (segment.toLowerCase(Locale.ROOT)) {
            case "..", ".%2e", "%2e.", "%2e%2e" -> true;
            default -> false;
        };
    }

    static boolean isWindowsDriveLetter(CharSequence s, boolean normalized) {
        return s.length() == 2
                && WhatwgUrlParser.isAlpha(s.charAt(0))
                && (s.charAt(1) == ':' || (!normalized && s.charAt(1) == '|'));
    }
}
