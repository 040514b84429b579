package dev.spout.docs;

// snippet:broadcast
import dev.spout.engine.topic.Topic;
import dev.spout.server.Spout;
import dev.spout.sse.SseEvent;
import java.time.Duration;
// snippet:end

final class Broadcast {
    private Broadcast() {}

    static void define(Spout app, String json) {
        // snippet:broadcast
        Topic chat = app.topic(
                "chat", topic -> topic.history(1000, Duration.ofHours(1)).initialReplay(50));
        app.sse("/chat/events", chat); // or app.ssePage("/chat", contents, "/chat/events", chat)
        chat.publish(SseEvent.of(json).withEvent("message")); // from any thread; returns the event's id
        // snippet:end
    }
}
