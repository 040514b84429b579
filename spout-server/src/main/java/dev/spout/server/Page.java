package dev.spout.server;

import dev.spout.html.Node;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The page being rendered: what awful's page options and {@code add-javascript}, {@code add-css} and {@code ajax}
 * set. A {@link PageContents} receives one per request, sets what it needs and returns the body.
 *
 * <pre>{@code
 * app.page("/client", page -> {
 *     page.title("Clock").css("#display { color: blue; }");
 *     return div(Live.connect("sse"), text("Current time: "), span(id("display"), Live.text("message")));
 * });
 * }</pre>
 *
 * <p>Stylesheets go in the head; scripts go at the end of the body, after the contents they work on. A page whose
 * body uses {@code data-spout-*} bindings ({@code dev.spout.live.Live}) or {@link #ajax} gets Spout's small script;
 * a page with ajax bindings gets a session and its CSRF token, which the script sends with every call.
 */
public final class Page {
    record AjaxBinding(String selector, String event, String url, AjaxOptions options) {}

    private final ClientRequest request;
    private final Mount mount;
    String title;
    String doctype = "<!DOCTYPE html>";
    Charset charset = java.nio.charset.StandardCharsets.UTF_8;
    String redirect;
    final List<String> styles = new ArrayList<>();
    final List<String> styleLinks = new ArrayList<>();
    final List<String> scripts = new ArrayList<>();
    final List<String> scriptUrls = new ArrayList<>();
    final List<String> headScriptUrls = new ArrayList<>();
    final List<Node> headExtras = new ArrayList<>();
    final List<AjaxBinding> ajaxBindings = new ArrayList<>();

    Page(ClientRequest request, Mount mount) {
        this.request = request;
        this.mount = mount;
    }

    /** The request being answered. */
    public ClientRequest request() {
        return request;
    }

    /** The page's {@code <title>}. */
    public Page title(String title) {
        this.title = Objects.requireNonNull(title, "title");
        return this;
    }

    /** The document type line (default {@code <!DOCTYPE html>}). */
    public Page doctype(String doctype) {
        this.doctype = Objects.requireNonNull(doctype, "doctype");
        return this;
    }

    /** The character encoding of the page (default UTF-8), in its {@code Content-Type} and {@code <meta charset>}. */
    public Page charset(Charset charset) {
        this.charset = Objects.requireNonNull(charset, "charset");
        return this;
    }

    /** Inline CSS, in a {@code <style>} element in the head. */
    public Page css(String css) {
        styles.add(Objects.requireNonNull(css, "css"));
        return this;
    }

    /** A stylesheet by URL, as a {@code <link rel="stylesheet">} in the head. */
    public Page cssLink(String url) {
        styleLinks.add(Objects.requireNonNull(url, "url"));
        return this;
    }

    /** Inline JavaScript, in a {@code <script>} element at the end of the body. */
    public Page javascript(String code) {
        scripts.add(Objects.requireNonNull(code, "code"));
        return this;
    }

    /** A script by URL, at the end of the body. */
    public Page javascriptUrl(String url) {
        scriptUrls.add(Objects.requireNonNull(url, "url"));
        return this;
    }

    /** A script by URL, in the head (for scripts that must run before the body is parsed). */
    public Page javascriptUrlInHead(String url) {
        headScriptUrls.add(Objects.requireNonNull(url, "url"));
        return this;
    }

    /** Extra content for the head, such as {@code <meta>} elements (awful's {@code headers}). */
    public Page head(Node node) {
        headExtras.add(Objects.requireNonNull(node, "node"));
        return this;
    }

    /**
     * Answers with a redirect instead of the page: 302 for GET and HEAD, 303 after a POST. Returns an empty body,
     * so contents can end with {@code return page.redirect("/next");}.
     */
    public Node redirect(String location) {
        this.redirect = Objects.requireNonNull(location, "location");
        return dev.spout.html.Html.fragment();
    }

    /**
     * Redirects to where a sign-in page was asked to send the browser back to: the request's {@code next}
     * parameter if it is a path of this site, else {@code fallback}. A {@code next} that would leave the site (an
     * absolute URL, {@code //other-host/x}, {@code /\other-host/x}) is ignored, so a link to the sign-in page
     * cannot send a freshly signed-in user to an attacker's copy of the site.
     */
    public Node redirectToNext(String fallback) {
        Objects.requireNonNull(fallback, "fallback");
        return redirect(
                request.queryParameter("next").filter(LocalPath::isLocal).orElse(fallback));
    }

    /**
     * Binds a DOM event to server code, like awful's {@code ajax}: when {@code event} fires on an element matching
     * the CSS {@code selector}, the browser calls {@code /ajax/<path>} (under this page's prefix) and {@code handler}
     * runs on the server. The binding uses event delegation, so elements added later are bound too, and carries the
     * session's CSRF token.
     *
     * <p>The handler is registered the first time a page binds the path (as awful's {@code ajax} defines its page
     * when called); later bindings of the same path reuse it, so a handler should take what it needs from its
     * {@link AjaxExchange}, not from variables of one request.
     */
    public Page ajax(String path, String selector, String event, AjaxHandler handler) {
        return ajax(path, selector, event, AjaxOptions.defaults(), handler);
    }

    /** {@link #ajax(String, String, String, AjaxHandler)} with options: arguments, target, method, ... */
    public Page ajax(String path, String selector, String event, AjaxOptions options, AjaxHandler handler) {
        Objects.requireNonNull(selector, "selector");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(options, "options");
        String url = mount.registerAjax(path, options.method, handler);
        ajaxBindings.add(new AjaxBinding(selector, event, url, options));
        return this;
    }

    /** An absolute URL path for a path of this page's application, with its prefix (see {@link Routes#under}). */
    public String url(String path) {
        return mount.path(path);
    }
}
