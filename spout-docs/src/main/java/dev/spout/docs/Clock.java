package dev.spout.docs;

// snippet:quickstart
import static dev.spout.html.Html.div;
import static dev.spout.html.Html.id;
import static dev.spout.html.Html.span;
import static dev.spout.html.Html.text;

import dev.spout.server.Spout;
import java.time.LocalTime;
import java.util.concurrent.ThreadLocalRandom;

/** The seed's clock: a page and its event stream, defined together; each browser gets its own loop. */
public class Clock {
    public static void main(String[] args) {
        var app = Spout.create();
        app.ssePage(
                "/client", // the page ...
                page -> {
                    page.javascript("""
                            new EventSource('sse').onmessage = event =>
                              document.getElementById('display').textContent = event.data;""");
                    return div(text("Current time: "), span(id("display")));
                },
                "/sse", // ... and its stream, which the page opens as 'sse', relative to /client
                sse -> { // once per client, on a virtual thread of its own
                    while (true) {
                        String id = String.valueOf(ThreadLocalRandom.current().nextInt(10));
                        sse.send(LocalTime.now().toString(), "message", id);
                        Thread.sleep(1000); // interrupted when the client leaves
                    }
                });
        app.start(8080);
        System.out.println("Open " + app.uri("/client"));
    }
}
// snippet:end
