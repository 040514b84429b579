package dev.spout.server.internal.http;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Whether a redirect target taken from a request (a sign-in page's {@code ?next=}, say) stays on this site. Only a
 * path that starts with a single {@code /} qualifies. Browsers read {@code //host/x} as another host, treat {@code
 * \} like {@code /} ({@code /\host/x} too), and drop tabs and line breaks ({@code /\t/host/x}); so a second slash or
 * backslash, any backslash, and any control character disqualify a target, as does anything with a scheme or a
 * host, or that is not a well-formed URI reference.
 */
public final class LocalPath {
    private LocalPath() {}

    public static boolean isLocal(String target) {
        if (target == null || target.isEmpty() || target.charAt(0) != '/') {
            return false;
        }
        if (target.length() > 1 && (target.charAt(1) == '/' || target.charAt(1) == '\\')) {
            return false;
        }
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c < 0x21 || c == 0x7F || c == '\\') {
                return false;
            }
        }
        try {
            URI uri = new URI(target);
            return uri.getScheme() == null && uri.getRawAuthority() == null;
        } catch (URISyntaxException notAUri) {
            return false;
        }
    }
}
