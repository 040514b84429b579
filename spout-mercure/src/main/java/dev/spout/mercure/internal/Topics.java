package dev.spout.mercure.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * The rules every topic and selector string follows: not empty, at most {@value #MAX_LENGTH} characters, no control
 * character (C0, DEL, C1: they could forge fields on the wire or hide a topic's real name), and the hub's own
 * namespace, {@code /.well-known/mercure}, closed to publishers.
 */
final class Topics {
    static final int MAX_LENGTH = 2048;
    static final String NAMESPACE = "/.well-known/mercure";

    private Topics() {}

    /**
     * Refuses an empty, over-long or control-carrying value.
     *
     * @throws IllegalArgumentException saying which rule {@code what} broke
     */
    static void check(String value, String what) {
        if (value.isEmpty()) {
            throw new IllegalArgumentException(what + " cannot be empty");
        }
        if (value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException(what + " is at most " + MAX_LENGTH + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F)) {
                throw new IllegalArgumentException(
                        what + " cannot contain the control character U+" + String.format("%04X", (int) c));
            }
        }
    }

    /**
     * Whether a topic addresses the hub's own namespace once resolved against the hub's URL: its path, with dot
     * segments removed and percent-encoding decoded, is {@code /.well-known/mercure} or below it, whatever its scheme
     * and host. A topic that is no URI reference (spaces, say) addresses nothing.
     */
    static boolean inHubNamespace(String topic, URI hub) {
        URI resolved;
        try {
            resolved = hub.resolve(new URI(topic)).normalize();
        } catch (URISyntaxException | IllegalArgumentException notAReference) {
            return false;
        }
        String raw = resolved.getRawPath();
        if (raw == null) {
            return false;
        }
        String decoded;
        try {
            decoded = withoutDotSegments(URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException badEscape) {
            decoded = raw;
        }
        return inNamespace(raw) || inNamespace(decoded);
    }

    /** The path without {@code .} and {@code ..} segments (RFC 3986, 5.2.4), for a path that decoding made anew. */
    static String withoutDotSegments(String path) {
        var kept = new java.util.ArrayDeque<String>();
        for (String segment : path.split("/", -1)) {
            if (segment.equals("..")) {
                kept.pollLast();
            } else if (!segment.equals(".")) {
                kept.addLast(segment);
            }
        }
        String joined = String.join("/", kept);
        return joined.startsWith("/") || !path.startsWith("/") ? joined : "/" + joined;
    }

    private static boolean inNamespace(String path) {
        return path.equals(NAMESPACE) || path.startsWith(NAMESPACE + "/");
    }
}
