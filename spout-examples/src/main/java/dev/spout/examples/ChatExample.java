package dev.spout.examples;

import static dev.spout.html.Html.attr;
import static dev.spout.html.Html.button;
import static dev.spout.html.Html.div;
import static dev.spout.html.Html.form;
import static dev.spout.html.Html.h1;
import static dev.spout.html.Html.id;
import static dev.spout.html.Html.input;
import static dev.spout.html.Html.li;
import static dev.spout.html.Html.p;
import static dev.spout.html.Html.text;
import static dev.spout.html.Html.ul;

import dev.spout.engine.topic.Topic;
import dev.spout.live.Live;
import dev.spout.live.Patch;
import dev.spout.server.Routes;
import dev.spout.server.page.AjaxOptions;
import java.time.Duration;

/**
 * A chat room without page JavaScript: a message is an HTML patch (a list item appended to {@code #messages})
 * published to the room's topic. The topic keeps an hour of history, so a browser that loses its connection gets
 * the messages it missed when it reconnects (the browser sends {@code Last-Event-ID} by itself), and a browser
 * that joins sees the last 50. The form is an ajax binding that sends its fields and clears the message box.
 */
public final class ChatExample {
    static final int MAX_LENGTH = 500;

    private ChatExample() {}

    /** A message as its list item; the text is escaped by the DSL, whatever the sender typed. */
    static Patch message(String from, String text) {
        return Patch.append("messages", li(text(from + ": " + text)));
    }

    public static void define(Routes app) {
        Topic room = app.topic(
                "room",
                topic -> topic.history(1000, Duration.ofHours(1))
                        .initialReplay(50)
                        .retry(Duration.ofSeconds(1)));

        app.ssePage(
                "/client",
                page -> {
                    page.title("Spout chat");
                    page.css("#messages:empty::before { content: 'No messages yet: say something.'; color: #667085; }");
                    page.ajax(
                            "say",
                            "#say",
                            "submit",
                            AjaxOptions.defaults().form().clear("#say [name=text]"),
                            ajax -> {
                                String from = ajax.request()
                                        .formParameter("from")
                                        .map(String::strip)
                                        .orElse("");
                                String text = ajax.request()
                                        .formParameter("text")
                                        .map(String::strip)
                                        .orElse("");
                                if (from.isEmpty()
                                        || text.isEmpty()
                                        || from.length() > 40
                                        || text.length() > MAX_LENGTH) {
                                    ajax.status(400);
                                    ajax.respondText("A message needs a name (up to 40 characters) and a text (up to "
                                            + MAX_LENGTH + ")");
                                    return;
                                }
                                room.publish(message(from, text).event());
                            });
                    return div(
                            Live.connect(page.url("/events")),
                            h1(text("Chat")),
                            div(id("status"), Live.status(), text("connecting")),
                            ul(id("messages")),
                            form(
                                    id("say"),
                                    input(attr("name", "from"), attr("placeholder", "name"), attr("required", null)),
                                    input(attr("name", "text"), attr("placeholder", "message"), attr("required", null)),
                                    button(attr("type", "submit"), text("Send")),
                                    // where a refused message (400) says why, instead of only on the console
                                    p(id("chat-error"), Live.errors())));
                },
                "/events",
                room);
    }

    public static void main(String[] args) {
        var app = DemoLook.create();
        define(app);
        ServeOptions.of("chat", args).start(app);
        System.out.println("Open " + app.uri().resolve("client") + " in a few browsers");
    }
}
