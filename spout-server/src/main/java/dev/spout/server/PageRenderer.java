package dev.spout.server;

import dev.spout.html.Attribute;
import dev.spout.html.Html;
import dev.spout.html.Node;

/** Assembles a complete HTML document from a page's options and its contents. */
final class PageRenderer {
    private PageRenderer() {}

    static String render(Page page, Node contents) {
        var out = new StringBuilder(1024);
        out.append("<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n");
        if (page.title != null) {
            Html.element("title", Html.text(page.title)).renderTo(out);
            out.append('\n');
        }
        for (String url : page.styleLinks) {
            Html.element("link", new Attribute("rel", "stylesheet"), Html.href(url))
                    .renderTo(out);
            out.append('\n');
        }
        for (String css : page.styles) {
            out.append("<style>").append(JavaScript.inline(css, "style")).append("</style>\n");
        }
        for (Node extra : page.headExtras) {
            extra.renderTo(out);
            out.append('\n');
        }
        out.append("</head>\n<body>\n");
        contents.renderTo(out);
        out.append('\n');
        for (String url : page.scriptUrls) {
            Html.element("script", new Attribute("src", url)).renderTo(out);
            out.append('\n');
        }
        for (String code : page.scripts) {
            out.append("<script>").append(JavaScript.inline(code, "script")).append("</script>\n");
        }
        if (!page.ajaxBindings.isEmpty()) {
            out.append("<script>").append(ajaxScript(page)).append("</script>\n");
        }
        return out.append("</body>\n</html>\n").toString();
    }

    /** Event delegation on the document (capturing, so non-bubbling events work too), then a plain fetch POST. */
    private static String ajaxScript(Page page) {
        var js = new StringBuilder("""
                (function () {
                  function bind(selector, type, url) {
                    document.addEventListener(type, function (event) {
                      var target = event.target && event.target.closest ? event.target.closest(selector) : null;
                      if (!target) return;
                      fetch(url, {method: 'POST', credentials: 'same-origin', headers: {'X-Requested-With': 'spout'}})
                        .then(function (r) { if (!r.ok) console.error('ajax ' + url + ': HTTP ' + r.status); })
                        .catch(function (e) { console.error('ajax ' + url + ' failed', e); });
                    }, true);
                  }
                """);
        for (Page.AjaxBinding binding : page.ajaxBindings) {
            js.append("  bind(")
                    .append(JavaScript.quote(binding.selector()))
                    .append(", ")
                    .append(JavaScript.quote(binding.event()))
                    .append(", ")
                    .append(JavaScript.quote(binding.url()))
                    .append(");\n");
        }
        return js.append("})();\n").toString();
    }
}
