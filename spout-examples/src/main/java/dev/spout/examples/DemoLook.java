package dev.spout.examples;

import static dev.spout.html.Html.a;
import static dev.spout.html.Html.classes;
import static dev.spout.html.Html.fragment;
import static dev.spout.html.Html.header;
import static dev.spout.html.Html.href;
import static dev.spout.html.Html.main;
import static dev.spout.html.Html.span;
import static dev.spout.html.Html.text;

import dev.spout.html.Node;
import dev.spout.server.Spout;
import dev.spout.server.SpoutOptions;
import dev.spout.server.http.StaticFiles;
import dev.spout.server.page.Page;
import java.util.function.Consumer;

/**
 * How the demo and the examples look: a page template (a header, then the page in {@code <main>}) and a small
 * stylesheet of our own, served as a static file from the jar ({@code /assets/demo.css}). A few dozen lines rather
 * than a CSS framework: the examples stay about Spout.
 *
 * <pre>{@code
 * Spout app = DemoLook.create(true, options -> options.broker(broker));
 * }</pre>
 */
final class DemoLook {
    static final String STYLESHEET = "/assets/demo.css";

    private DemoLook() {}

    /**
     * An application with the demo's look; {@code index} says whether {@code /} is the demo's index (the header
     * links to it), as it is in the demo and not in an example run alone.
     */
    static Spout create(boolean index, Consumer<SpoutOptions> settings) {
        Spout app = Spout.create(options -> {
            options.template((page, contents) -> wrap(page, contents, index));
            settings.accept(options);
        });
        app.staticFiles("/assets", StaticFiles.classpath("dev/spout/examples/static"));
        return app;
    }

    /** An example run alone, with the demo's look. */
    static Spout create() {
        return create(false, options -> {});
    }

    private static Node wrap(Page page, Node contents, boolean index) {
        page.cssLink(STYLESHEET);
        page.head(dev.spout.html.Html.element(
                "meta",
                dev.spout.html.Html.attr("name", "viewport"),
                dev.spout.html.Html.attr("content", "width=device-width, initial-scale=1")));
        Node brand = index ? a(href("/"), text("Spout demo")) : span(text("Spout"));
        return fragment(
                header(brand, span(classes("tagline"), text("live pages over Server-Sent Events"))), main(contents));
    }
}
