package dev.spout.docs;

// snippet:user-streams
import dev.spout.engine.auth.Access;
import dev.spout.engine.topic.Subscription;
import dev.spout.server.Spout;
import java.time.Duration;
// snippet:end

final class UserStreams {
    private UserStreams() {}

    static void define(Spout app) {
        // snippet:user-streams
        app.topicPattern("user/*", t -> t.history(100, Duration.ofHours(1))); // topics on demand, below
        app.subscribe("/users/{id}/events", request -> {
            String id = request.pathParameter("id").orElseThrow();
            if (!request.user().map(id::equals).orElse(false)) {
                return Subscription.refuse(Access.FORBIDDEN); // 403, before any byte
            }
            return Subscription.to(app.topic("user/" + id), app.topic("announcements"))
                    .typedByTopic();
        });
        // snippet:end
    }
}
