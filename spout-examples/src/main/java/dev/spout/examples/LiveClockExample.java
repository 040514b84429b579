package dev.spout.examples;

import static dev.spout.html.Html.div;
import static dev.spout.html.Html.id;
import static dev.spout.html.Html.span;
import static dev.spout.html.Html.text;

import dev.spout.live.Live;
import dev.spout.server.Routes;
import dev.spout.server.Spout;

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
                            text("Current time: "),
                            span(id("display"), Live.text("message")),
                            span(Live.offline(), text(" (reconnecting)")));
                },
                "/sse",
                ClockExample::tick);
    }

    public static void main(String[] args) {
        var app = Spout.create();
        define(app);
        ServeOptions.of("live-clock", args).start(app);
        System.out.println("Open " + app.uri().resolve("client"));
    }
}
