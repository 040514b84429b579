package dev.spout.server;

import java.util.Objects;
import java.util.Set;

/**
 * How a page is served, as awful's {@code define-page} keywords set it: methods, session requirement, template,
 * trailing-slash rule and virtual host. Immutable; each {@code with...} returns a changed copy.
 *
 * <pre>{@code
 * app.page("/dashboard", PageOptions.defaults().requireSession(), page -> ...);   // no session: to the login page
 * app.page("/search", PageOptions.defaults().methods("GET", "POST"), page -> ...);
 * }</pre>
 */
public final class PageOptions {
    final Set<String> methods;
    final boolean requireSession;
    final boolean template;
    final boolean strictPath;
    final String host;

    private PageOptions(
            Set<String> methods, boolean requireSession, boolean template, boolean strictPath, String host) {
        this.methods = methods;
        this.requireSession = requireSession;
        this.template = template;
        this.strictPath = strictPath;
        this.host = host;
    }

    /** GET and HEAD, no session needed, the application's template, {@code /a} and {@code /a/} alike, any host. */
    public static PageOptions defaults() {
        return new PageOptions(Set.of("GET", "HEAD"), false, true, false, null);
    }

    /** The methods the page answers (awful's {@code method}); others get 405. */
    public PageOptions methods(String... methods) {
        if (methods.length == 0) {
            throw new IllegalArgumentException("A page needs at least one method");
        }
        return new PageOptions(Set.of(methods), requireSession, template, strictPath, host);
    }

    /**
     * A browser without a session is sent to the login page ({@link SpoutOptions#loginPath}) with the path it
     * wanted as {@code ?next=} (awful's {@code use-session}, made strict).
     */
    public PageOptions requireSession() {
        return new PageOptions(methods, true, template, strictPath, host);
    }

    /** The page is served as it is, without the application's template (awful's {@code no-template}). */
    public PageOptions withoutTemplate() {
        return new PageOptions(methods, requireSession, false, strictPath, host);
    }

    /** Only the exact path: {@code /a/} is not {@code /a} (awful's {@code strict}). */
    public PageOptions strictPath() {
        return new PageOptions(methods, requireSession, template, true, host);
    }

    /** Answers only requests for this host name, as in {@code Host: www.example.com} (awful's virtual hosts). */
    public PageOptions host(String host) {
        return new PageOptions(methods, requireSession, template, strictPath, Objects.requireNonNull(host, "host"));
    }
}
