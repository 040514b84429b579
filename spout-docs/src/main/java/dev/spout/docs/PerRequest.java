package dev.spout.docs;

// snippet:per-request
import dev.spout.engine.auth.Access;
import dev.spout.engine.topic.Subscription;
import dev.spout.server.Spout;
import dev.spout.sse.SseEvent;
import java.time.Duration;
import java.util.List;
// snippet:end

final class PerRequest {
    private PerRequest() {}

    static void define(Spout app) {
        // snippet:per-request
        app.topicPattern("user/*", t -> t.history(100, Duration.ofHours(1))); // on demand, reclaimed when idle
        app.subscribe("/users/{id}/events", request -> {
            String id = request.pathParameter("id").orElseThrow();
            return request.user().map(id::equals).orElse(false)
                    ? Subscription.to(app.topic("user/" + id), app.topic("announcements"))
                            .typedByTopic()
                    : Subscription.refuse(Access.FORBIDDEN); // 403 before any byte
        });
        app.publish(SseEvent.of("{\"doc\":7}"), List.of(app.topic("user/ann"), app.topic("user/bob"))); // one id
        // snippet:end
    }
}
