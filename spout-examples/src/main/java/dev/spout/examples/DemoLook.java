package dev.spout.examples;

import static dev.spout.html.Html.a;
import static dev.spout.html.Html.attr;
import static dev.spout.html.Html.classes;
import static dev.spout.html.Html.element;
import static dev.spout.html.Html.fragment;
import static dev.spout.html.Html.header;
import static dev.spout.html.Html.href;
import static dev.spout.html.Html.main;
import static dev.spout.html.Html.span;
import static dev.spout.html.Html.text;

import dev.spout.html.Node;
import dev.spout.server.Spout;
import dev.spout.server.SpoutOptions;
import dev.spout.server.http.HttpResponse;
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
    static final String FAVICON = "/assets/favicon.svg";

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
        // Browsers ask for /favicon.ico whatever the page's icon link says, when they open something else than a page.
        app.get("/favicon.ico", request -> HttpResponse.status(301).withHeader("Location", FAVICON));
        return app;
    }

    /** An example run alone, with the demo's look. */
    static Spout create() {
        return create(false, options -> {});
    }

    private static Node wrap(Page page, Node contents, boolean index) {
        page.cssLink(STYLESHEET);
        page.head(element("meta", attr("name", "viewport"), attr("content", "width=device-width, initial-scale=1")));
        page.head(element("link", attr("rel", "icon"), attr("type", "image/svg+xml"), attr("href", FAVICON)));
        Node brand = index ? a(href("/"), text("Spout demo")) : span(text("Spout"));
        Node showcase = Showcase.none();
        if (index) { // in the demo, each example's page shows its code and its wire
            String path = page.request().path();
            var example = Showcase.at(path);
            if (example.isPresent() && !path.endsWith("/login")) { // a sign-in page is no example's
                page.javascriptUrl(Showcase.WIRE_SCRIPT);
                showcase = example.get().panels(path);
            }
        }
        return fragment(
                header(brand, span(classes("tagline"), text("live pages over Server-Sent Events"))),
                main(contents, showcase));
    }
}
