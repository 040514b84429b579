package dev.spout.examples;

import static dev.spout.html.Html.attr;
import static dev.spout.html.Html.classes;
import static dev.spout.html.Html.div;
import static dev.spout.html.Html.h1;
import static dev.spout.html.Html.id;
import static dev.spout.html.Html.p;
import static dev.spout.html.Html.style;
import static dev.spout.html.Html.text;

import dev.spout.server.Routes;
import java.util.concurrent.atomic.AtomicBoolean;
import tools.jackson.databind.json.JsonMapper;

/**
 * The seed's second example, SSE and ajax: two boxes show the booleans {@code one} and {@code two}. Clicking a box
 * flips its value on the server (an ajax call), and every open browser shows the new value, because each one's
 * stream sends the state as JSON once a second.
 *
 * <pre>
 * java -cp spout-demo.jar dev.spout.examples.TogglesExample --port 8080
 * </pre>
 */
public final class TogglesExample {
    /** What the stream sends: {@code {"one":true,"two":false}}. */
    record State(boolean one, boolean two) {}

    private static final JsonMapper JSON = JsonMapper.builder().build();

    // Instead of fields we could query a database, as the seed says.
    private final AtomicBoolean one = new AtomicBoolean(true);
    private final AtomicBoolean two = new AtomicBoolean(false);

    private TogglesExample() {}

    public static void define(Routes app) {
        new TogglesExample().routes(app);
    }

    private String stateJson() {
        return JSON.writeValueAsString(new State(one.get(), two.get()));
    }

    /** Flips the value, whatever other clicks do at the same moment. */
    static void flip(AtomicBoolean value) {
        boolean current;
        do {
            current = value.get();
        } while (!value.compareAndSet(current, !current));
    }

    private void routes(Routes app) {
        app.ssePage(
                "/client",
                page -> {
                    page.title("Spout toggles");
                    page.javascript("""
                            var source = new EventSource('sse');
                            source.addEventListener('message', function (e) {
                              var data = JSON.parse(e.data);
                              document.getElementById('one').textContent = data.one;
                              document.getElementById('two').textContent = data.two;
                            }, false);""");
                    page.css("div #one, #two { padding: 1em; margin: 1em; border-width: 1px; border-style: solid; }");
                    page.ajax("one", "#one", "click", ajax -> flip(one));
                    page.ajax("two", "#two", "click", ajax -> flip(two));
                    return div(
                            h1(text("Toggles")),
                            p(classes("muted"), text("Click a box: every open browser sees it flip within a second.")),
                            // The state as it is now, so the boxes are never empty; the stream keeps it current.
                            div(
                                    id("one"),
                                    attr("data-label", "one"),
                                    classes("toggle"),
                                    style("border-color: blue;"),
                                    text(String.valueOf(one.get()))),
                            div(
                                    id("two"),
                                    attr("data-label", "two"),
                                    classes("toggle"),
                                    style("border-color: red;"),
                                    text(String.valueOf(two.get()))));
                },
                "/sse",
                sse -> {
                    while (true) {
                        sse.send(stateJson());
                        Thread.sleep(1000);
                    }
                });
    }

    public static void main(String[] args) {
        var app = DemoLook.create();
        define(app);
        ServeOptions.of("toggles", args).start(app);
        System.out.println("Open " + app.uri().resolve("client") + " in two browsers and click the boxes");
    }
}
