package dev.spout.server;

import dev.spout.html.Node;
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
 *     page.javascript("new EventSource('sse').onmessage = e => display.textContent = e.data;");
 *     return div(text("Current time: "), span(id("display")));
 * });
 * }</pre>
 *
 * <p>Stylesheets go in the head; scripts go at the end of the body, after the contents they work on.
 */
public final class Page {
    record AjaxBinding(String selector, String event, String url) {}

    private final ClientRequest request;
    private final Mount mount;
    String title;
    final List<String> styles = new ArrayList<>();
    final List<String> styleLinks = new ArrayList<>();
    final List<String> scripts = new ArrayList<>();
    final List<String> scriptUrls = new ArrayList<>();
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

    /** Extra content for the head, such as {@code <meta>} elements. */
    public Page head(Node node) {
        headExtras.add(Objects.requireNonNull(node, "node"));
        return this;
    }

    /**
     * Binds a DOM event to server code, like awful's {@code ajax}: when {@code event} fires on an element matching
     * the CSS {@code selector}, the browser POSTs to {@code /ajax/<path>} (under this page's prefix) and {@code
     * handler} runs on the server. The generated script uses plain {@code fetch} and event delegation, so elements
     * added later are bound too.
     *
     * <p>The handler is registered the first time a page binds the path; later bindings of the same path reuse it,
     * so a handler should take what it needs from its {@link AjaxExchange}, not from variables of one request.
     */
    public Page ajax(String path, String selector, String event, AjaxHandler handler) {
        Objects.requireNonNull(selector, "selector");
        Objects.requireNonNull(event, "event");
        String url = mount.registerAjax(path, handler);
        ajaxBindings.add(new AjaxBinding(selector, event, url));
        return this;
    }

    /** An absolute URL path for a path of this page's application, with its prefix (see {@link Routes#under}). */
    public String url(String path) {
        return mount.path(path);
    }
}
