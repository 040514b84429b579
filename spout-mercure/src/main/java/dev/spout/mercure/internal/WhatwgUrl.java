package dev.spout.mercure.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A URL record of the URL Standard (https://url.spec.whatwg.org/#concept-url), as its basic parser makes it: what URL
 * Pattern matching compares a topic's components against. Written here rather than taken from {@link java.net.URI}
 * because the two disagree on what a URL is (the Standard percent-encodes a space or a non-ASCII character where URI
 * refuses it, removes dot segments, lowercases hosts, drops default ports, reads backslashes as slashes in special
 * URLs): a pattern must see the components a browser's {@code URLPattern} would.
 *
 * <p>Fields are those of the Standard; the host is kept serialized. Mutable only while {@link WhatwgUrlParser} fills
 * it in.
 *
 * <pre>{@code
 * WhatwgUrl url = WhatwgUrl.parse("HTTPS://Example.com:443/a/../b c?q#f");
 * url.pathname(); // "/b%20c"    url.host; // "example.com"    url.port; // null
 * url.toString(); // "https://example.com/b%20c?q#f"
 * }</pre>
 */
final class WhatwgUrl {
    static final Map<String, Integer> SPECIAL_SCHEMES =
            Map.of("ftp", 21, "file", -1, "http", 80, "https", 443, "ws", 80, "wss", 443);

    String scheme = "";
    String username = "";
    String password = "";

    @Nullable
    String host;

    @Nullable
    Integer port;
    /** The path's segments, unless the URL has an opaque path. */
    List<String> path = new ArrayList<>();
    /** The opaque path, or null when the path is a list of segments. */
    @Nullable
    StringBuilder opaquePath;

    @Nullable
    StringBuilder query;

    @Nullable
    StringBuilder fragment;

    /** The URL the Standard parses {@code input} into, without a base URL; null for failure. */
    static @Nullable WhatwgUrl parse(String input) {
        var url = new WhatwgUrl();
        return new WhatwgUrlParser(input, url, null).run() ? url : null;
    }

    /** {@code https://dummy.invalid/}, the URL Pattern Standard's "dummy URL" its canonicalizers parse into. */
    static WhatwgUrl dummy() {
        var url = new WhatwgUrl();
        url.scheme = "https";
        url.host = "dummy.invalid";
        url.path.add("");
        return url;
    }

    boolean special() {
        return SPECIAL_SCHEMES.containsKey(scheme);
    }

    /** The scheme's default port, or -1 when it has none. */
    static int defaultPort(String scheme) {
        return SPECIAL_SCHEMES.getOrDefault(scheme, -1);
    }

    boolean includesCredentials() {
        return !username.isEmpty() || !password.isEmpty();
    }

    /** The URL path serializer: the opaque path, or each segment after a {@code /}. */
    String pathname() {
        if (opaquePath != null) {
            return opaquePath.toString();
        }
        var out = new StringBuilder();
        for (String segment : path) {
            out.append('/').append(segment);
        }
        return out.toString();
    }

    String hostname() {
        return host == null ? "" : host;
    }

    String portString() {
        return port == null ? "" : port.toString();
    }

    String search() {
        return query == null ? "" : query.toString();
    }

    String hash() {
        return fragment == null ? "" : fragment.toString();
    }

    /** The URL serializer: what {@code URL.href} says. */
    @Override
    public String toString() {
        var out = new StringBuilder(scheme).append(':');
        if (host != null) {
            out.append("//");
            if (includesCredentials()) {
                out.append(username)
                        .append(password.isEmpty() ? "" : ":" + password)
                        .append('@');
            }
            out.append(host).append(port == null ? "" : ":" + port);
        } else if (opaquePath == null && path.size() > 1 && path.get(0).isEmpty()) {
            out.append("/."); // so that the path's "//" is not read back as an authority
        }
        out.append(pathname());
        if (query != null) {
            out.append('?').append(query);
        }
        if (fragment != null) {
            out.append('#').append(fragment);
        }
        return out.toString();
    }
}
