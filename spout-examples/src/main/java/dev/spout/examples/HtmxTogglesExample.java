package dev.spout.examples;

import static dev.spout.html.Html.attr;
import static dev.spout.html.Html.classes;
import static dev.spout.html.Html.div;
import static dev.spout.html.Html.h1;
import static dev.spout.html.Html.id;
import static dev.spout.html.Html.p;
import static dev.spout.html.Html.style;
import static dev.spout.html.Html.text;

import dev.spout.engine.HttpStatusException;
import dev.spout.engine.topic.Topic;
import dev.spout.server.Routes;
import dev.spout.server.http.HttpResponse;
import dev.spout.sse.SseEvent;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The seed's toggles for a page written with htmx and its SSE extension: the page connects to a topic ({@code
 * sse-connect}), each box swaps in the HTML of the event named after it ({@code sse-swap}), and a click is a plain
 * {@code hx-post} that flips the value and publishes it. Each change publishes both boxes, so the topic's last two
 * events are the whole state: a new browser gets them first ({@code initialReplay(2)}), and one that reconnects gets
 * exactly what it missed. htmx and its extension come from their WebJars ({@link WebJars}).
 *
 * <pre>
 * java -cp spout-demo.jar dev.spout.examples.HtmxTogglesExample --port 8080
 * </pre>
 */
public final class HtmxTogglesExample {
    private final AtomicBoolean one = new AtomicBoolean(true);
    private final AtomicBoolean two = new AtomicBoolean(false);
    private final Topic changes;

    private HtmxTogglesExample(Routes app) {
        changes = app.topic("toggles", topic -> topic.initialReplay(2)); // "htmx-toggles/toggles" in the demo
    }

    public static void define(Routes app) {
        new HtmxTogglesExample(app).routes(app);
    }

    /** Flips a value and publishes both boxes, in one order, as HTML that htmx swaps in. */
    private void flip(AtomicBoolean value) {
        synchronized (changes) {
            value.set(!value.get());
            changes.publish(
                    SseEvent.of(text(String.valueOf(one.get())).render()).withEvent("one"));
            changes.publish(
                    SseEvent.of(text(String.valueOf(two.get())).render()).withEvent("two"));
        }
    }

    private void routes(Routes app) {
        app.post("/{box}", request -> {
            flip(
                    switch (request.pathParameter("box").orElseThrow()) {
                        case "one" -> one;
                        case "two" -> two;
                        default -> throw new HttpStatusException(404, "There are two boxes, one and two");
                    });
            return HttpResponse.noContent();
        });
        app.ssePage(
                "/client",
                page -> {
                    page.title("Spout toggles, htmx");
                    return Htmx.connected(
                            page,
                            page.url("/sse"),
                            h1(text("Toggles, htmx")),
                            p(
                                    classes("muted"),
                                    text("The seed's boxes on htmx: a click is an hx-post, each box swaps"
                                            + " in its event from the topic.")),
                            box("one", "blue", one, page.url("/one")),
                            box("two", "red", two, page.url("/two")));
                },
                "/sse",
                changes);
    }

    private static dev.spout.html.Element box(String name, String color, AtomicBoolean value, String post) {
        return div(
                id(name),
                attr("data-label", name),
                classes("toggle"),
                style("border-color: " + color + ";"),
                attr("hx-post", post), // answered 204, which htmx swaps nowhere: the stream shows the new value
                attr("sse-swap", name), // with the element's hx-swap, so it has none: innerHTML, the default
                text(String.valueOf(value.get())));
    }

    public static void main(String[] args) {
        var app = DemoLook.create();
        WebJars.serve(app);
        define(app);
        ServeOptions.of("htmx-toggles", args).start(app);
        System.out.println("Open " + app.uri().resolve("client") + " in two browsers and click the boxes");
    }
}
