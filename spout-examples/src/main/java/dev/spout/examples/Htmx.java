package dev.spout.examples;

import static dev.spout.html.Html.attr;
import static dev.spout.html.Html.div;

import dev.spout.html.Element;
import dev.spout.html.Part;
import dev.spout.server.page.Page;

/**
 * The one thing every htmx page of the examples does alike: load htmx and its SSE extension (from their WebJars) and
 * connect a part of the page to a stream, whose elements then swap in their events ({@code sse-swap}).
 *
 * <pre>{@code
 * return Htmx.connected(page, page.url("/sse"), h1(text("Toggles, htmx")), div(attr("sse-swap", "one")));
 * }</pre>
 */
final class Htmx {
    private Htmx() {}

    /** A {@code div} connected to the stream at {@code url}, holding {@code parts}; the page loads htmx for it. */
    static Element connected(Page page, String url, Part... parts) {
        page.javascriptUrl(WebJars.HTMX);
        page.javascriptUrl(WebJars.HTMX_SSE);
        Part[] all = new Part[parts.length + 2];
        all[0] = attr("hx-ext", "sse");
        all[1] = attr("sse-connect", url);
        System.arraycopy(parts, 0, all, 2, parts.length);
        return div(all);
    }
}
