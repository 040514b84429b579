package dev.spout.examples;

import static dev.spout.html.Html.attr;
import static dev.spout.html.Html.classes;
import static dev.spout.html.Html.div;
import static dev.spout.html.Html.h1;
import static dev.spout.html.Html.id;
import static dev.spout.html.Html.p;
import static dev.spout.html.Html.style;
import static dev.spout.html.Html.text;

import dev.spout.engine.topic.Topic;
import dev.spout.live.Live;
import dev.spout.live.LiveState;
import dev.spout.server.Routes;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * The toggles again, broadcast: a click publishes the new state to a topic, and every open browser shows it at
 * once, instead of each browser's stream sending the state every second. The stream sends nothing until something
 * changes; a browser that connects gets the latest state first. No page JavaScript.
 */
public final class BroadcastTogglesExample {
    record State(boolean one, boolean two) {}

    private final AtomicReference<State> state = new AtomicReference<>(new State(true, false));
    private final Topic changes;

    private BroadcastTogglesExample(Routes app) {
        // A new browser first gets the latest state; one that reconnects gets what it missed.
        changes = app.topic("toggles", topic -> topic.initialReplay(1));
    }

    public static void define(Routes app) {
        new BroadcastTogglesExample(app).routes(app);
    }

    /** Changes the state and publishes it, in one order: concurrent clicks never publish stale states. */
    private void change(UnaryOperator<State> change) {
        synchronized (state) {
            State next = state.updateAndGet(change);
            changes.publish(LiveState.of("one", next.one(), "two", next.two()).event());
        }
    }

    private void routes(Routes app) {
        app.ssePage(
                "/client",
                page -> {
                    page.title("Spout toggles, broadcast");
                    page.css("div #one, #two { padding: 1em; margin: 1em; border-width: 1px; border-style: solid; }");
                    page.ajax("one", "#one", "click", ajax -> change(s -> new State(!s.one(), s.two())));
                    page.ajax("two", "#two", "click", ajax -> change(s -> new State(s.one(), !s.two())));
                    State now = state.get();
                    return div(
                            Live.connect(page.url("/sse")),
                            h1(text("Toggles, broadcast")),
                            p(classes("muted"), text("Each click is published to a topic the moment it happens.")),
                            div(
                                    id("one"),
                                    attr("data-label", "one"),
                                    classes("toggle"),
                                    style("border-color: blue;"),
                                    Live.state("one"),
                                    text(String.valueOf(now.one()))),
                            div(
                                    id("two"),
                                    attr("data-label", "two"),
                                    classes("toggle"),
                                    style("border-color: red;"),
                                    Live.state("two"),
                                    text(String.valueOf(now.two()))));
                },
                "/sse",
                changes);
    }

    public static void main(String[] args) {
        var app = DemoLook.create();
        define(app);
        ServeOptions.of("broadcast-toggles", args).start(app);
        System.out.println("Open " + app.uri().resolve("client") + " in two browsers and click the boxes");
    }
}
