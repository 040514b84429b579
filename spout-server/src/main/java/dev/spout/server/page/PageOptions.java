package dev.spout.server.page;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * How a page is served: methods, whether a signed-in user is required, template, trailing-slash rule and virtual
 * host. Immutable; each method returns a changed copy, and the accessors below read the settings back.
 *
 * <pre>{@code
 * app.page("/dashboard", PageOptions.defaults().requireUser(), page -> ...);   // a stranger goes to the login page
 * app.page("/search", PageOptions.defaults().methods("GET", "POST"), page -> ...);
 * }</pre>
 */
public final class PageOptions {
    private Set<String> methods = Set.of("GET", "HEAD");
    private boolean requireUser;
    private @Nullable String loginPath;
    private boolean template = true;
    private boolean strictPath;
    private @Nullable String host;

    private PageOptions() {}

    private PageOptions with(Consumer<PageOptions> change) {
        var copy = new PageOptions();
        copy.methods = methods;
        copy.requireUser = requireUser;
        copy.loginPath = loginPath;
        copy.template = template;
        copy.strictPath = strictPath;
        copy.host = host;
        change.accept(copy);
        return copy;
    }

    /** GET and HEAD, open to everyone, the application's template, {@code /a} and {@code /a/} alike, any host. */
    public static PageOptions defaults() {
        return new PageOptions();
    }

    /** The methods the page answers; others get 405 with {@code Allow}. */
    public PageOptions methods(String... methods) {
        if (methods.length == 0) {
            throw new IllegalArgumentException("A page needs at least one method");
        }
        return with(o -> o.methods = Set.of(methods));
    }

    /**
     * Only a signed-in user ({@link dev.spout.server.auth.SpoutRequest#signIn}) may see the page: anyone else is sent to the login page
     * ({@link dev.spout.server.SpoutOptions#loginPath}) with the path they wanted as {@code ?next=}. A session alone is not enough:
     * every visitor of a page with ajax bindings has one. The page's stream, if any, answers 401 to anyone else.
     */
    public PageOptions requireUser() {
        return with(o -> o.requireUser = true);
    }

    /** {@link #requireUser()}, sending strangers to this login page instead of the application's. */
    public PageOptions requireUser(String loginPath) {
        Objects.requireNonNull(loginPath, "loginPath");
        return with(o -> {
            o.requireUser = true;
            o.loginPath = loginPath;
        });
    }

    /** The page is served as it is, without the application's template. */
    public PageOptions withoutTemplate() {
        return with(o -> o.template = false);
    }

    /** Only the exact path: {@code /a/} is not {@code /a}. */
    public PageOptions strictPath() {
        return with(o -> o.strictPath = true);
    }

    /** Answers only requests for this host name, as in {@code Host: www.example.com} (a virtual host). */
    public PageOptions host(String host) {
        Objects.requireNonNull(host, "host");
        return with(o -> o.host = host);
    }

    /** The methods the page answers. */
    public Set<String> allowedMethods() {
        return methods;
    }

    /** Whether only a signed-in user may see the page. */
    public boolean requiresUser() {
        return requireUser;
    }

    /** The page's own login page, if it has one (else the application's). */
    public Optional<String> loginPath() {
        return Optional.ofNullable(loginPath);
    }

    /** Whether the application's template wraps the page. */
    public boolean usesTemplate() {
        return template;
    }

    /** Whether {@code /a/} is a different page from {@code /a}. */
    public boolean isStrictPath() {
        return strictPath;
    }

    /** The one host name the page answers for, if any. */
    public Optional<String> host() {
        return Optional.ofNullable(host);
    }
}
