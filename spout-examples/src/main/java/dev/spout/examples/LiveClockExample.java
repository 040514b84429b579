package dev.spout.examples;

import static dev.spout.html.Html.classes;
import static dev.spout.html.Html.div;
import static dev.spout.html.Html.h1;
import static dev.spout.html.Html.id;
import static dev.spout.html.Html.p;
import static dev.spout.html.Html.span;
import static dev.spout.html.Html.text;

import dev.spout.live.Live;
import dev.spout.server.Routes;

/**
 * The seed's clock without a line of JavaScript: the page says, in attributes, "connect to the stream, and show the
 * latest {@code message} event here"; Spout's page script does the rest, and shows when the stream is down.
 */
public final class LiveClockExample {
    private LiveClockExample() {}

    public static void define(Routes app) {
        app.ssePage(
                "/client",
                page -> {
                    page.title("Spout clock, no JavaScript");
                    page.css("#display { color: blue; } [data-spout-offline] { color: #c00; }");
                    return div(
                            Live.connect(page.url("/sse")),
                            h1(text("Clock, no JavaScript")),
                            p(
                                    classes("muted"),
                                    text("The same clock, bound by attributes: the example writes no script.")),
                            p(
                                    classes("card"),
                                    text("Current time: "),
                                    span(id("display"), Live.text("message"), text(ClockExample.now())),
                                    span(Live.offline(), text(" (reconnecting)"))));
                },
                "/sse",
                ClockExample::tick);
    }

    public static void main(String[] args) {
        var app = DemoLook.create();
        define(app);
        ServeOptions.of("live-clock", args).start(app);
        System.out.println("Open " + app.uri().resolve("client"));
    }
}
