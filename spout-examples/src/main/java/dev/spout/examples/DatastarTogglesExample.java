package dev.spout.examples;

import static dev.spout.html.Html.attr;
import static dev.spout.html.Html.classes;
import static dev.spout.html.Html.div;
import static dev.spout.html.Html.fragment;
import static dev.spout.html.Html.h1;
import static dev.spout.html.Html.id;
import static dev.spout.html.Html.p;
import static dev.spout.html.Html.style;
import static dev.spout.html.Html.text;

import dev.spout.datastar.PatchElements;
import dev.spout.engine.HttpStatusException;
import dev.spout.engine.topic.Topic;
import dev.spout.html.Element;
import dev.spout.server.Routes;
import dev.spout.server.http.HttpResponse;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The seed's toggles for a page written with Datastar: the page opens a topic's stream with {@code @get}
 * ({@code data-init}), each change is one {@code datastar-patch-elements} event holding both boxes, which Datastar
 * morphs in by their ids, and a click is an {@code @post} that flips the value and publishes. One event is the whole
 * state, so a new browser gets the last one first ({@code initialReplay(1)}); Datastar sends the last id it read when
 * it reconnects, so one that lost its connection gets exactly what it missed.
 *
 * <pre>
 * java -cp spout-demo.jar dev.spout.examples.DatastarTogglesExample --port 8080
 * </pre>
 */
public final class DatastarTogglesExample {
    private final AtomicBoolean one = new AtomicBoolean(true);
    private final AtomicBoolean two = new AtomicBoolean(false);
    private final Topic changes;
    private final String post;

    private DatastarTogglesExample(Routes app) {
        changes = app.topic("toggles", topic -> topic.initialReplay(1)); // "datastar-toggles/toggles" in the demo
        post = app.path("/flip/");
    }

    public static void define(Routes app) {
        new DatastarTogglesExample(app).routes(app);
    }

    /** Flips a value and publishes both boxes as they are now, in one event. */
    private void flip(AtomicBoolean value) {
        synchronized (changes) {
            value.set(!value.get());
            changes.publish(PatchElements.of(fragment(box("one", "blue", one), box("two", "red", two))
                            .render())
                    .event());
        }
    }

    private void routes(Routes app) {
        app.post("/flip/{box}", request -> {
            flip(
                    switch (request.pathParameter("box").orElseThrow()) {
                        case "one" -> one;
                        case "two" -> two;
                        default -> throw new HttpStatusException(404, "There are two boxes, one and two");
                    });
            return HttpResponse.noContent(); // the stream shows the new value, in every browser
        });
        app.ssePage(
                "/client",
                page -> {
                    page.title("Spout toggles, Datastar");
                    return Datastar.connected(
                            page,
                            page.url("/sse"),
                            h1(text("Toggles, Datastar")),
                            p(
                                    classes("muted"),
                                    text("The seed's boxes on Datastar: a click is an @post, each change a patch"
                                            + " of both boxes from the topic.")),
                            box("one", "blue", one),
                            box("two", "red", two));
                },
                "/sse",
                changes);
    }

    private Element box(String name, String color, AtomicBoolean value) {
        return div(
                id(name),
                attr("data-label", name),
                classes("toggle"),
                style("border-color: " + color + ";"),
                attr("data-on:click", Datastar.action("post", post + name)),
                text(String.valueOf(value.get())));
    }

    public static void main(String[] args) {
        var app = DemoLook.create();
        define(app);
        ServeOptions.of("datastar-toggles", args).start(app);
        System.out.println("Open " + app.uri().resolve("client") + " in two browsers and click the boxes");
    }
}
