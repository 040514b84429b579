package dev.spout.examples;

import static dev.spout.html.Html.attr;
import static dev.spout.html.Html.button;
import static dev.spout.html.Html.classes;
import static dev.spout.html.Html.form;
import static dev.spout.html.Html.h1;
import static dev.spout.html.Html.id;
import static dev.spout.html.Html.input;
import static dev.spout.html.Html.li;
import static dev.spout.html.Html.p;
import static dev.spout.html.Html.text;
import static dev.spout.html.Html.ul;

import dev.spout.engine.topic.Topic;
import dev.spout.html.Element;
import dev.spout.server.Routes;
import dev.spout.server.http.HttpResponse;
import dev.spout.sse.SseEvent;
import java.time.Duration;

/**
 * The chat room for a page written with htmx: the list appends each {@code message} event's HTML ({@code sse-swap},
 * {@code hx-swap="beforeend"}), the form is an {@code hx-post} whose answer is the form again, emptied (or saying why
 * a message was refused), and the room is a topic with history: a new browser gets the last 50 messages, one that
 * reconnects exactly what it missed.
 *
 * <pre>
 * java -cp spout-demo.jar dev.spout.examples.HtmxChatExample --port 8080
 * </pre>
 */
public final class HtmxChatExample {
    static final int MAX_LENGTH = 500;

    private HtmxChatExample() {}

    public static void define(Routes app) {
        Topic room = app.topic(
                "room", topic -> topic.history(1000, Duration.ofHours(1)).initialReplay(50));
        String post = app.path("/messages");
        app.post("/messages", request -> {
            String from = request.formParameter("from").map(String::strip).orElse("");
            String text = request.formParameter("text").map(String::strip).orElse("");
            if (from.isEmpty() || text.isEmpty() || from.length() > 40 || text.length() > MAX_LENGTH) {
                return HttpResponse.html(say(
                                post,
                                from,
                                "A message needs a name (up to 40 characters) and a" + " text (up to " + MAX_LENGTH
                                        + ").")
                        .render());
            }
            // The text is escaped by the DSL, whatever the sender typed.
            room.publish(SseEvent.of(li(text(from + ": " + text)).render()).withEvent("message"));
            return HttpResponse.html(say(post, from, "").render());
        });
        app.ssePage(
                "/client",
                page -> {
                    page.title("Spout chat, htmx");
                    return Htmx.connected(
                            page,
                            page.url("/events"),
                            h1(text("Chat, htmx")),
                            p(classes("muted"), text("Messages from a topic with history, appended by htmx.")),
                            ul(id("messages"), attr("sse-swap", "message"), attr("hx-swap", "beforeend")),
                            say(post, "", ""));
                },
                "/events",
                room);
    }

    /** The form, with the sender's name kept, and why the last message was refused if it was. */
    private static Element say(String post, String from, String error) {
        return form(
                id("say"),
                attr("hx-post", post),
                attr("hx-swap", "outerHTML"),
                input(attr("name", "from"), attr("placeholder", "name"), attr("value", from), attr("required", null)),
                input(attr("name", "text"), attr("placeholder", "message"), attr("required", null)),
                button(attr("type", "submit"), text("Send")),
                p(id("chat-error"), text(error)));
    }

    public static void main(String[] args) {
        var app = DemoLook.create();
        WebJars.serve(app);
        define(app);
        ServeOptions.of("htmx-chat", args).start(app);
        System.out.println("Open " + app.uri().resolve("client") + " in a few browsers");
    }
}
