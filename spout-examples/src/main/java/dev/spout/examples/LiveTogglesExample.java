package dev.spout.examples;

import static dev.spout.html.Html.attr;
import static dev.spout.html.Html.classes;
import static dev.spout.html.Html.div;
import static dev.spout.html.Html.h1;
import static dev.spout.html.Html.id;
import static dev.spout.html.Html.p;
import static dev.spout.html.Html.style;
import static dev.spout.html.Html.text;

import dev.spout.live.Live;
import dev.spout.live.LiveState;
import dev.spout.server.Routes;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The seed's toggles without a line of JavaScript: each box is bound to a named value of the stream's state, and
 * a click is an ajax binding. As in the seed, each browser's stream sends the state once a second.
 */
public final class LiveTogglesExample {
    private final AtomicBoolean one = new AtomicBoolean(true);
    private final AtomicBoolean two = new AtomicBoolean(false);

    private LiveTogglesExample() {}

    public static void define(Routes app) {
        new LiveTogglesExample().routes(app);
    }

    private void routes(Routes app) {
        app.ssePage(
                "/client",
                page -> {
                    page.title("Spout toggles, no JavaScript");
                    page.css("div #one, #two { padding: 1em; margin: 1em; border-width: 1px; border-style: solid; }");
                    page.ajax("one", "#one", "click", ajax -> TogglesExample.flip(one));
                    page.ajax("two", "#two", "click", ajax -> TogglesExample.flip(two));
                    return div(
                            Live.connect(page.url("/sse")),
                            h1(text("Toggles, no JavaScript")),
                            p(
                                    classes("muted"),
                                    text("The same boxes, bound by attributes: the example writes no script.")),
                            div(
                                    id("one"),
                                    attr("data-label", "one"),
                                    classes("toggle"),
                                    style("border-color: blue;"),
                                    Live.state("one"),
                                    text(String.valueOf(one.get()))),
                            div(
                                    id("two"),
                                    attr("data-label", "two"),
                                    classes("toggle"),
                                    style("border-color: red;"),
                                    Live.state("two"),
                                    text(String.valueOf(two.get()))));
                },
                "/sse",
                sse -> {
                    while (true) {
                        sse.send(
                                LiveState.of("one", one.get(), "two", two.get()).event());
                        Thread.sleep(1000);
                    }
                });
    }

    public static void main(String[] args) {
        var app = DemoLook.create();
        define(app);
        ServeOptions.of("live-toggles", args).start(app);
        System.out.println("Open " + app.uri().resolve("client") + " in two browsers and click the boxes");
    }
}
