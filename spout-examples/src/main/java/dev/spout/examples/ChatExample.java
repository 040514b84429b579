package dev.spout.examples;

import static dev.spout.html.Html.attr;
import static dev.spout.html.Html.button;
import static dev.spout.html.Html.div;
import static dev.spout.html.Html.form;
import static dev.spout.html.Html.h1;
import static dev.spout.html.Html.id;
import static dev.spout.html.Html.input;
import static dev.spout.html.Html.text;
import static dev.spout.html.Html.ul;

import dev.spout.server.Routes;
import dev.spout.server.Spout;
import dev.spout.server.Topic;
import dev.spout.sse.SseEvent;
import java.time.Duration;
import tools.jackson.databind.json.JsonMapper;

/**
 * A chat room: messages go to every browser in the room through one topic. The topic keeps an hour of history, so
 * a browser that loses its connection gets the messages it missed when it reconnects (the browser sends {@code
 * Last-Event-ID} by itself), and a browser that joins sees the last 50.
 *
 * <pre>
 * java -cp spout-demo.jar dev.spout.examples.ChatExample --port 8080
 * </pre>
 */
public final class ChatExample {
    record Message(String from, String text) {}

    static final int MAX_LENGTH = 500;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ChatExample() {}

    public static void define(Routes app) {
        Topic room = app.topic(
                "room",
                topic -> topic.history(1000, Duration.ofHours(1))
                        .initialReplay(50)
                        .retry(Duration.ofSeconds(1)));

        app.ajax("say", ajax -> {
            String from =
                    ajax.request().formParameter("from").map(String::strip).orElse("");
            String text =
                    ajax.request().formParameter("text").map(String::strip).orElse("");
            if (from.isEmpty() || text.isEmpty() || from.length() > 40 || text.length() > MAX_LENGTH) {
                ajax.status(400);
                ajax.respondText("A message needs a name (up to 40 characters) and a text (up to " + MAX_LENGTH + ")");
                return;
            }
            room.publish(SseEvent.of(JSON.writeValueAsString(new Message(from, text))));
        });

        app.ssePage(
                "/client",
                page -> {
                    page.title("Spout chat");
                    page.css("""
                            #status { color: #888; } #status.offline { color: #c00; }
                            #messages { list-style: none; padding: 0; } #messages li { margin: .2em 0; }""");
                    page.javascript("""
                            var list = document.getElementById('messages');
                            var statusBox = document.getElementById('status'); // not 'status': that is window.status
                            var source = new EventSource('events');
                            source.onopen = function () { statusBox.textContent = 'connected'; statusBox.className = ''; };
                            source.onerror = function () { statusBox.textContent = 'reconnecting'; statusBox.className = 'offline'; };
                            source.onmessage = function (e) {
                              var message = JSON.parse(e.data);
                              var item = document.createElement('li');
                              item.textContent = message.from + ': ' + message.text;
                              item.dataset.id = e.lastEventId;
                              list.appendChild(item);
                            };
                            document.getElementById('say').addEventListener('submit', function (e) {
                              e.preventDefault();
                              var text = e.target.elements.text;
                              fetch('ajax/say', {method: 'POST', body: new URLSearchParams(new FormData(e.target))});
                              text.value = '';
                              text.focus();
                            });""");
                    return div(
                            h1(text("Chat")),
                            div(id("status"), text("connecting")),
                            ul(id("messages")),
                            form(
                                    id("say"),
                                    input(attr("name", "from"), attr("placeholder", "name"), attr("required", null)),
                                    input(attr("name", "text"), attr("placeholder", "message"), attr("required", null)),
                                    button(attr("type", "submit"), text("Send"))));
                },
                "/events",
                room);
    }

    public static void main(String[] args) {
        var app = Spout.create();
        define(app);
        app.start(Ports.fromArgs(args));
        System.out.println("Open " + app.uri().resolve("client") + " in a few browsers");
    }
}
