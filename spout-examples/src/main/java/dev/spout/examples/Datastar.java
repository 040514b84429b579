package dev.spout.examples;

import static dev.spout.html.Html.attr;
import static dev.spout.html.Html.div;

import dev.spout.html.Element;
import dev.spout.html.Part;
import dev.spout.server.page.Page;

/**
 * What every Datastar page of the examples does alike: load Datastar and open a stream with {@code @get} when a part
 * of the page appears ({@code data-init}), whose patches then land by element id.
 *
 * <p>Datastar 1.0's script is published on its CDN only (its npm package stops at 1.0.0-beta.11, whose events had
 * other names, and no WebJar of it exists), so the pages load it from there, version-locked as Datastar's docs advise;
 * {@code -Dspout.datastar.script=URL} serves another copy (an application's own, or a test's).
 *
 * <pre>{@code
 * return Datastar.connected(page, page.url("/sse"), h1(text("Toggles, Datastar")), box("one"), box("two"));
 * }</pre>
 */
final class Datastar {
    static final String VERSION = "1.0.2";
    static final String CDN = "https://cdn.jsdelivr.net/gh/starfederation/datastar@" + VERSION + "/bundles/datastar.js";

    private Datastar() {}

    /** Where pages load Datastar from. */
    static String script() {
        return System.getProperty("spout.datastar.script", CDN);
    }

    /** A {@code div} that opens the stream at {@code url} once it is in the page, holding {@code parts}. */
    static Element connected(Page page, String url, Part... parts) {
        page.javascriptModule(script());
        Part[] all = new Part[parts.length + 1];
        all[0] = attr("data-init", action("get", url));
        System.arraycopy(parts, 0, all, 1, parts.length);
        return div(all);
    }

    /** A backend action, {@code @post('/url')}: the URL is the application's own, with nothing to quote. */
    static String action(String method, String url) {
        if (!url.matches("[-/A-Za-z0-9_.~%?=&]*")) {
            throw new IllegalArgumentException("Not a plain path for a Datastar action: " + url);
        }
        return "@" + method + "('" + url + "')";
    }
}
