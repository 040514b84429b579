package dev.spout.server.internal.http;

import java.util.List;
import java.util.Locale;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;

/**
 * Whether a request that may change something comes from this site's own pages. Browsers say where a request comes
 * from: {@code Origin} on every POST (and other unsafe methods), {@code Sec-Fetch-Site} in current browsers. A
 * request that names another origin, or that a browser marks {@code cross-site}, is refused; one that says nothing
 * (not a browser, or a very old one) passes this check, and ajax calls still need the session's CSRF token.
 */
public final class SameOrigin {
    private SameOrigin() {}

    /** Why the request is refused as cross-origin, or null if it may proceed. */
    public static String refusal(Request request, List<String> allowedOrigins) {
        String origin = request.getHeaders().get(HttpHeader.ORIGIN);
        if (origin != null && !origin.equalsIgnoreCase(own(request)) && !allowedOrigins.contains(origin)) {
            return "Cross-origin request refused: Origin " + origin + " is not this site";
        }
        String site = request.getHeaders().get("Sec-Fetch-Site");
        if (origin == null && "cross-site".equalsIgnoreCase(site)) {
            return "Cross-site request refused (Sec-Fetch-Site: cross-site)";
        }
        return null;
    }

    /** scheme://host[:port] of this request, as a browser writes its Origin header. */
    public static String own(Request request) {
        String scheme = request.getHttpURI().getScheme().toLowerCase(Locale.ROOT);
        String host = Request.getServerName(request).toLowerCase(Locale.ROOT);
        int port = Request.getServerPort(request);
        boolean defaultPort =
                port <= 0 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        if (host.contains(":") && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        return scheme + "://" + host + (defaultPort ? "" : ":" + port);
    }
}
