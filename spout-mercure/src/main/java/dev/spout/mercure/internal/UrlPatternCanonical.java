package dev.spout.mercure.internal;

import java.util.Locale;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * The URL Pattern Standard's encoding callbacks (https://urlpattern.spec.whatwg.org/#canon-encoding-callbacks): a
 * pattern's fixed text, canonicalized by the URL parser as the same text in a URL would be, so that {@code
 * https://EXAMPLE.com/café} compares with {@code https://example.com/caf%C3%A9}. Each throws {@link
 * IllegalArgumentException}, with the rest of a sentence that starts with the text, for text its component cannot
 * hold.
 *
 * <p>One departure, deliberate: the Standard canonicalizes a port against its dummy {@code https:} URL whatever the
 * pattern's scheme, so {@code http://example.com:443/} would lose its port and match {@code http://example.com/};
 * here the pattern's own scheme is used, as browsers do (web-platform-tests expect {@code http} with port
 * {@code "80 "} to become the empty port).
 *
 * <pre>{@code
 * UrlPatternCanonical.hostname("EXAMPLE.com"); // "example.com"
 * UrlPatternCanonical.pathname("/café");  // "/caf%C3%A9"
 * }</pre>
 */
final class UrlPatternCanonical {
    private UrlPatternCanonical() {}

    static String protocol(String value) {
        WhatwgUrl url = WhatwgUrl.parse(value + "://dummy.invalid/");
        if (url == null) {
            throw new IllegalArgumentException("is not a URL scheme");
        }
        return url.scheme;
    }

    static String userinfo(String value) {
        return PercentEncodeSet.USERINFO.encode(value);
    }

    static String hostname(String value) {
        WhatwgUrl url = WhatwgUrl.dummy();
        if (!new WhatwgUrlParser(value, url, WhatwgUrlParser.State.HOSTNAME).run()) {
            throw new IllegalArgumentException("is not a hostname");
        }
        return url.hostname();
    }

    static String ipv6Hostname(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.digit(c, 16) < 0 && c != '[' && c != ']' && c != ':' || c > 0x7F) {
                throw new IllegalArgumentException("is not made of an IPv6 address's characters");
            }
        }
        return value.toLowerCase(Locale.ROOT);
    }

    /** The port's canonicalizer, for a pattern whose protocol pattern is {@code protocol} (null for none). */
    static UnaryOperator<String> port(@Nullable String protocol) {
        return value -> {
            WhatwgUrl url = WhatwgUrl.dummy();
            if (protocol != null) {
                url.scheme = protocol;
            }
            if (!new WhatwgUrlParser(value, url, WhatwgUrlParser.State.PORT).run()) {
                throw new IllegalArgumentException("is not a port (digits, at most 65535)");
            }
            return url.portString();
        };
    }

    static String pathname(String value) {
        boolean leadingSlash = value.startsWith("/");
        // The parser would put a '/' before a path that has none, and read a leading "." as a dot segment: this
        // text may be a piece of a path, so "/-" goes before it and comes off after.
        String modified = leadingSlash ? value : "/-" + value;
        WhatwgUrl url = WhatwgUrl.dummy();
        url.path.clear();
        new WhatwgUrlParser(modified, url, WhatwgUrlParser.State.PATH_START).run();
        String result = url.pathname();
        return leadingSlash ? result : result.substring(2);
    }

    static String opaquePathname(String value) {
        WhatwgUrl url = WhatwgUrl.dummy();
        url.path.clear();
        url.opaquePath = new StringBuilder();
        if (!new WhatwgUrlParser(value, url, WhatwgUrlParser.State.OPAQUE_PATH).run()) {
            throw new IllegalArgumentException("is not an opaque path");
        }
        return url.pathname();
    }

    static String search(String value) {
        WhatwgUrl url = WhatwgUrl.dummy();
        url.query = new StringBuilder();
        new WhatwgUrlParser(value, url, WhatwgUrlParser.State.QUERY).run();
        return url.search();
    }

    static String hash(String value) {
        WhatwgUrl url = WhatwgUrl.dummy();
        url.fragment = new StringBuilder();
        new WhatwgUrlParser(value, url, WhatwgUrlParser.State.FRAGMENT).run();
        return url.hash();
    }
}
