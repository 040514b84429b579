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

import dev.spout.datastar.InvalidSignalsException;
import dev.spout.datastar.PatchElements;
import dev.spout.datastar.PatchSignals;
import dev.spout.datastar.Signals;
import dev.spout.engine.topic.Topic;
import dev.spout.server.Routes;
import dev.spout.server.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The chat room for a page written with Datastar: the room is a topic with history whose events append each message
 * to the list ({@code datastar-patch-elements}, mode {@code append}); the form's signals go to the server with an
 * {@code @post}, answered by a short event stream that empties the message box, or says why a message was refused.
 * A browser that reconnects sends the last id it read and gets exactly what it missed.
 *
 * <pre>
 * java -cp spout-demo.jar dev.spout.examples.DatastarChatExample --port 8080
 * </pre>
 */
public final class DatastarChatExample {
    static final int MAX_LENGTH = 500;

    private DatastarChatExample() {}

    public static void define(Routes app) {
        Topic room = app.topic(
                "room", topic -> topic.history(1000, Duration.ofHours(1)).initialReplay(50));
        String post = app.path("/messages");
        app.post("/messages", request -> {
            Map<String, Object> signals;
            try {
                signals = Signals.read(request.text()); // every signal of the page, as Datastar sends them
            } catch (InvalidSignalsException bad) {
                return HttpResponse.text(bad.getMessage()).withStatus(400);
            }
            String from = String.valueOf(signals.getOrDefault("from", "")).strip();
            String message = String.valueOf(signals.getOrDefault("message", "")).strip();
            if (from.isEmpty() || message.isEmpty() || from.length() > 40 || message.length() > MAX_LENGTH) {
                return HttpResponse.events(List.of(error(
                        "A message needs a name (up to 40 characters) and a text" + " (up to " + MAX_LENGTH + ").")));
            }
            // The text is escaped by the DSL, whatever the sender typed.
            room.publish(PatchElements.of(li(text(from + ": " + message)).render())
                    .into("#messages", PatchElements.Mode.APPEND)
                    .event());
            return HttpResponse.events(
                    List.of(PatchSignals.of(Map.of("message", "")).event(), error("")));
        });
        app.ssePage(
                "/client",
                page -> {
                    page.title("Spout chat, Datastar");
                    return Datastar.connected(
                            page,
                            page.url("/events"),
                            attr("data-signals", "{from: '', message: ''}"),
                            h1(text("Chat, Datastar")),
                            p(classes("muted"), text("Messages from a topic with history, appended by Datastar.")),
                            ul(id("messages")),
                            form(
                                    id("say"),
                                    attr("data-on:submit__prevent", Datastar.action("post", post)),
                                    input(attr("data-bind:from", null), attr("placeholder", "name")),
                                    input(attr("data-bind:message", null), attr("placeholder", "message")),
                                    button(attr("type", "submit"), text("Send"))),
                            p(id("chat-error")));
                },
                "/events",
                room);
    }

    /** Why the last message was refused ("" once one is sent), in the element with id chat-error. */
    private static dev.spout.sse.SseEvent error(String why) {
        return PatchElements.of(p(id("chat-error"), text(why)).render()).event();
    }

    public static void main(String[] args) {
        var app = DemoLook.create();
        define(app);
        ServeOptions.of("datastar-chat", args).start(app);
        System.out.println("Open " + app.uri().resolve("client") + " in a few browsers");
    }
}
