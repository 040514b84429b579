package dev.spout.server.internal.page;

import dev.spout.html.Attribute;
import dev.spout.html.Html;
import dev.spout.html.Node;

/** Assembles a complete HTML document from a page's options and its contents. */
final class PageRenderer {
    private PageRenderer() {}

    static String render(PageBuilder page, Node contents, String csrfToken) {
        var body = new StringBuilder(1024);
        contents.renderTo(body);
        boolean needsScript = !page.ajaxBindings.isEmpty() || body.indexOf("data-spout-") >= 0;

        var out = new StringBuilder(body.length() + 1024);
        out.append(page.doctype).append("\n<html>\n<head>\n");
        Html.element("meta", new Attribute("charset", page.charset.name().toLowerCase(java.util.Locale.ROOT)))
                .renderTo(out);
        out.append('\n');
        if (csrfToken != null) {
            Html.element("meta", new Attribute("name", "spout-csrf"), new Attribute("content", csrfToken))
                    .renderTo(out);
            out.append('\n');
        }
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
        for (String url : page.headScriptUrls) {
            Html.element("script", new Attribute("src", url)).renderTo(out);
            out.append('\n');
        }
        for (String url : page.moduleUrls) {
            Html.element("script", new Attribute("type", "module"), new Attribute("src", url))
                    .renderTo(out);
            out.append('\n');
        }
        out.append("</head>\n<body>\n").append(body).append('\n');
        if (needsScript) {
            Html.element("script", new Attribute("src", SpoutScript.URL)).renderTo(out);
            out.append('\n');
        }
        for (String url : page.scriptUrls) {
            Html.element("script", new Attribute("src", url)).renderTo(out);
            out.append('\n');
        }
        for (String code : page.scripts) {
            out.append("<script>").append(JavaScript.inline(code, "script")).append("</script>\n");
        }
        if (!page.ajaxBindings.isEmpty()) {
            out.append("<script>\n");
            for (PageBuilder.AjaxBinding binding : page.ajaxBindings) {
                out.append("Spout.bind(")
                        .append(JavaScript.quote(binding.selector()))
                        .append(", ")
                        .append(JavaScript.quote(binding.event()))
                        .append(", ")
                        .append(JavaScript.quote(binding.url()))
                        .append(", ")
                        .append(AjaxScript.options(binding.options()))
                        .append(");\n");
            }
            out.append("</script>\n");
        }
        return out.append("</body>\n</html>\n").toString();
    }
}
