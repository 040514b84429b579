package dev.spout.server;

import java.time.Duration;
import java.util.Objects;
import org.eclipse.jetty.http.HttpFields;
import org.jspecify.annotations.Nullable;

/**
 * The protective headers every response carries, with safe defaults: {@code X-Content-Type-Options: nosniff} (a
 * browser never guesses a type, so an uploaded text cannot run as a script), no framing by other sites ({@code
 * Content-Security-Policy: frame-ancestors 'none'} and {@code X-Frame-Options: DENY}, against clickjacking), {@code
 * Referrer-Policy: strict-origin-when-cross-origin}, and over TLS {@code Strict-Transport-Security} for a year.
 * Immutable; each method returns a changed copy.
 *
 * <pre>{@code
 * Spout.create(options -> options.securityHeaders(SecurityHeaders.defaults()
 *         .frameAncestors("'self'")                      // the app may frame its own pages
 *         .hsts(Duration.ofDays(730))));
 * }</pre>
 */
public final class SecurityHeaders {
    private final boolean noSniff;
    private final @Nullable String frameAncestors;
    private final @Nullable String referrerPolicy;
    private final Duration hsts;

    private SecurityHeaders(
            boolean noSniff, @Nullable String frameAncestors, @Nullable String referrerPolicy, Duration hsts) {
        this.noSniff = noSniff;
        this.frameAncestors = frameAncestors;
        this.referrerPolicy = referrerPolicy;
        this.hsts = hsts;
    }

    /** nosniff, no framing, {@code strict-origin-when-cross-origin}, HSTS for 365 days over TLS. */
    public static SecurityHeaders defaults() {
        return new SecurityHeaders(true, "'none'", "strict-origin-when-cross-origin", Duration.ofDays(365));
    }

    /** No protective headers at all (for a proxy in front that sets its own). */
    public static SecurityHeaders none() {
        return new SecurityHeaders(false, null, null, Duration.ZERO);
    }

    /**
     * Who may frame the pages, as a CSP {@code frame-ancestors} source list: {@code 'none'} (default), {@code
     * 'self'}, or origins such as {@code https://portal.example.com}. {@code X-Frame-Options} follows for old
     * browsers where it can say the same ({@code DENY}, {@code SAMEORIGIN}).
     */
    public SecurityHeaders frameAncestors(String sources) {
        Objects.requireNonNull(sources, "sources");
        if (sources.isBlank() || sources.chars().anyMatch(c -> c < 0x20 || c == ';' || c == ',')) {
            throw new IllegalArgumentException("Not a frame-ancestors source list: \"" + sources + "\"");
        }
        return new SecurityHeaders(noSniff, sources.trim(), referrerPolicy, hsts);
    }

    /** The {@code Referrer-Policy}, such as {@code same-origin} or {@code no-referrer}. */
    public SecurityHeaders referrerPolicy(String policy) {
        Objects.requireNonNull(policy, "policy");
        if (!policy.matches("[a-z-]+(,\\s*[a-z-]+)*")) {
            throw new IllegalArgumentException("Not a Referrer-Policy: \"" + policy + "\"");
        }
        return new SecurityHeaders(noSniff, frameAncestors, policy, hsts);
    }

    /** How long browsers keep to HTTPS after seeing this site over TLS ({@link Duration#ZERO}: no HSTS header). */
    public SecurityHeaders hsts(Duration maxAge) {
        if (maxAge.isNegative()) {
            throw new IllegalArgumentException("The HSTS max-age must not be negative, got " + maxAge);
        }
        return new SecurityHeaders(noSniff, frameAncestors, referrerPolicy, maxAge);
    }

    /**
     * Adds the headers to a response's headers ({@code secure}: whether the request came over TLS). Spout does so
     * for every response; this is for a handler of one's own behind {@link Spout#jetty()}.
     */
    public void addTo(HttpFields.Mutable headers, boolean secure) {
        if (noSniff) {
            headers.put("X-Content-Type-Options", "nosniff");
        }
        if (frameAncestors != null) {
            headers.put("Content-Security-Policy", "frame-ancestors " + frameAncestors);
            if (frameAncestors.equals("'none'")) {
                headers.put("X-Frame-Options", "DENY");
            } else if (frameAncestors.equals("'self'")) {
                headers.put("X-Frame-Options", "SAMEORIGIN");
            }
        }
        if (referrerPolicy != null) {
            headers.put("Referrer-Policy", referrerPolicy);
        }
        if (secure && !hsts.isZero()) {
            headers.put("Strict-Transport-Security", "max-age=" + hsts.toSeconds());
        }
    }
}
