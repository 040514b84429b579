package dev.spout.hub;

import static dev.spout.html.Html.attr;
import static dev.spout.html.Html.button;
import static dev.spout.html.Html.code;
import static dev.spout.html.Html.div;
import static dev.spout.html.Html.form;
import static dev.spout.html.Html.h1;
import static dev.spout.html.Html.h2;
import static dev.spout.html.Html.id;
import static dev.spout.html.Html.input;
import static dev.spout.html.Html.label;
import static dev.spout.html.Html.ol;
import static dev.spout.html.Html.p;
import static dev.spout.html.Html.section;
import static dev.spout.html.Html.span;
import static dev.spout.html.Html.text;

import dev.spout.html.Element;
import dev.spout.server.Routes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * A page to try the hub by hand: subscribe to selectors with the browser's own {@code EventSource} (a subscriber's
 * token in the cookie), publish an update with a publisher's token, and watch the events arrive. Its script is a file
 * beside this class ({@code debug.js}), inlined in the page.
 *
 * <pre>{@code
 * DebugPage.mount(app, "/");
 * }</pre>
 */
final class DebugPage {
    private static final String SCRIPT = script();

    private DebugPage() {}

    static void mount(Routes app, String path) {
        app.page(path, page -> {
            page.title("Spout hub");
            page.css("form { margin: 0.5em 0 } input { margin: 0 0.5em 0.3em 0; min-width: 18em }");
            page.javascript(SCRIPT);
            return div(
                    h1(text("Spout hub")),
                    p(text("A Mercure hub at "), code(text(MercureHub.PATH)), text(". Subscribe, publish, watch.")),
                    section(
                            h2(text("Subscribe")),
                            form(
                                    id("subscribe"),
                                    field("Selectors (space-separated)", "selectors", "*"),
                                    field("Event type", "type", "message"),
                                    field(
                                            "Subscriber's token (sent as the mercureAuthorization cookie)",
                                            "subscriber-token",
                                            ""),
                                    button(attr("type", "submit"), text("Subscribe"))),
                            p(text("State: "), span(id("state"), text("not subscribed"))),
                            ol(id("events"))),
                    section(
                            h2(text("Publish")),
                            form(
                                    id("publish"),
                                    field("Topic", "topic", "https://example.com/books/1"),
                                    field("Data", "data", "{\"title\":\"Dune\"}"),
                                    label(input(id("private"), attr("type", "checkbox")), text(" private")),
                                    field("Publisher's token", "publisher-token", ""),
                                    button(attr("type", "submit"), text("Publish"))),
                            ol(id("published"))));
        });
    }

    private static Element field(String caption, String name, String value) {
        return div(label(text(caption + " "), input(id(name), attr("name", name), attr("value", value))));
    }

    private static String script() {
        try (InputStream in = DebugPage.class.getResourceAsStream("debug.js")) {
            if (in == null) {
                throw new IllegalStateException("debug.js is missing beside DebugPage");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
