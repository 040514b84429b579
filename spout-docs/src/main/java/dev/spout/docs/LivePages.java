package dev.spout.docs;

// snippet:live
import static dev.spout.html.Html.div;
import static dev.spout.html.Html.li;
import static dev.spout.html.Html.span;
import static dev.spout.html.Html.text;

import dev.spout.engine.topic.Topic;
import dev.spout.live.Live;
import dev.spout.live.Patch;
import dev.spout.server.Spout;
import java.time.LocalTime;
// snippet:end

final class LivePages {
    private LivePages() {}

    static void define(Spout app, Topic chat, String from, String message) {
        // snippet:live
        app.ssePage(
                "/client",
                page -> div(
                        Live.connect(page.url("/sse")),
                        text("Current time: "),
                        span(Live.text("message"))), // shows the latest "message" event
                "/sse",
                sse -> {
                    while (true) {
                        sse.send(LocalTime.now().toString());
                        Thread.sleep(1000);
                    }
                });
        chat.publish(Patch.append("messages", li(text(from + ": " + message))).event()); // escaped HTML patches
        // snippet:end
    }
}
