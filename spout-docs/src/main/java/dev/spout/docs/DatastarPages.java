package dev.spout.docs;

// snippet:datastar
import static dev.spout.html.Html.li;
import static dev.spout.html.Html.text;

import dev.spout.datastar.PatchElements;
import dev.spout.datastar.PatchSignals;
import dev.spout.datastar.Signals;
import dev.spout.engine.topic.Topic;
import dev.spout.server.Spout;
import dev.spout.server.http.HttpResponse;
import java.util.List;
import java.util.Map;
// snippet:end

final class DatastarPages {
    private DatastarPages() {}

    static void define(Spout app) {
        // snippet:datastar
        Topic room = app.topic("room", topic -> topic.history(1000, java.time.Duration.ofHours(1)));
        app.sse("/room", room); // the page: <ul id="messages" data-init="@get('/room')">
        app.post(
                "/say",
                request -> { // the form: data-on:submit__prevent="@post('/say')"
                    Map<String, Object> signals = Signals.read(request.text());
                    room.publish(PatchElements.of(li(text(signals.get("from") + ": " + signals.get("message")))
                                    .render())
                            .into("#messages", PatchElements.Mode.APPEND)
                            .event()); // escaped, encoded once, resumable by every page
                    return HttpResponse.events(
                            List.of(PatchSignals.of(Map.of("message", "")).event()));
                });
        // snippet:end
    }
}
