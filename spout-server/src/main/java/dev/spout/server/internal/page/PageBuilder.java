package dev.spout.server.internal.page;

import dev.spout.html.Node;
import dev.spout.server.auth.SpoutRequest;
import dev.spout.server.internal.http.LocalPath;
import dev.spout.server.internal.http.PathTemplate;
import dev.spout.server.page.AjaxHandler;
import dev.spout.server.page.AjaxOptions;
import dev.spout.server.page.Page;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The page of one request, as its contents build it: what the renderer assembles into the document. */
public final class PageBuilder implements Page {
    /** An ajax binding of the page: the DOM event, the endpoint's URL and the call's options. */
    record AjaxBinding(String selector, String event, String url, AjaxOptions options) {}

    private final SpoutRequest request;
    private final PageRoutes mount;
    String title;
    String doctype = "<!DOCTYPE html>";
    Charset charset = java.nio.charset.StandardCharsets.UTF_8;
    String redirect;
    final List<String> styles = new ArrayList<>();
    final List<String> styleLinks = new ArrayList<>();
    final List<String> scripts = new ArrayList<>();
    final List<String> scriptUrls = new ArrayList<>();
    final List<String> headScriptUrls = new ArrayList<>();
    final List<String> moduleUrls = new ArrayList<>();
    final List<Node> headExtras = new ArrayList<>();
    final List<AjaxBinding> ajaxBindings = new ArrayList<>();

    public PageBuilder(SpoutRequest request, PageRoutes mount) {
        this.request = request;
        this.mount = mount;
    }

    @Override
    public SpoutRequest request() {
        return request;
    }

    @Override
    public PageBuilder title(String title) {
        this.title = Objects.requireNonNull(title, "title");
        return this;
    }

    @Override
    public PageBuilder doctype(String doctype) {
        this.doctype = Objects.requireNonNull(doctype, "doctype");
        return this;
    }

    @Override
    public PageBuilder charset(Charset charset) {
        this.charset = Objects.requireNonNull(charset, "charset");
        return this;
    }

    @Override
    public PageBuilder css(String css) {
        styles.add(Objects.requireNonNull(css, "css"));
        return this;
    }

    @Override
    public PageBuilder cssLink(String url) {
        styleLinks.add(Objects.requireNonNull(url, "url"));
        return this;
    }

    @Override
    public PageBuilder javascript(String code) {
        scripts.add(Objects.requireNonNull(code, "code"));
        return this;
    }

    @Override
    public PageBuilder javascriptUrl(String url) {
        scriptUrls.add(Objects.requireNonNull(url, "url"));
        return this;
    }

    @Override
    public PageBuilder javascriptUrlInHead(String url) {
        headScriptUrls.add(Objects.requireNonNull(url, "url"));
        return this;
    }

    @Override
    public PageBuilder javascriptModule(String url) {
        moduleUrls.add(Objects.requireNonNull(url, "url"));
        return this;
    }

    @Override
    public PageBuilder head(Node node) {
        headExtras.add(Objects.requireNonNull(node, "node"));
        return this;
    }

    @Override
    public Node redirect(String location) {
        this.redirect = Objects.requireNonNull(location, "location");
        return dev.spout.html.Html.fragment();
    }

    @Override
    public Node redirectToNext(String fallback) {
        Objects.requireNonNull(fallback, "fallback");
        return redirect(
                request.queryParameter("next").filter(LocalPath::isLocal).orElse(fallback));
    }

    @Override
    public PageBuilder ajax(String path, String selector, String event, AjaxOptions options, AjaxHandler handler) {
        Objects.requireNonNull(selector, "selector");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(options, "options");
        String url = mount.registerAjax(path, options.method(), handler);
        PathTemplate template = PathTemplate.parse(url);
        if (template != null) { // "docs/{doc}/save" on the page of /docs/7 calls /ajax/docs/7/save
            url = template.expand(request.pathParameters());
        }
        ajaxBindings.add(new AjaxBinding(selector, event, url, options));
        return this;
    }

    @Override
    public String url(String path) {
        return mount.path(path);
    }
}
