package dev.spout.docs;

// snippet:topic-options
import dev.spout.engine.auth.Access;
import dev.spout.engine.topic.Replay;
import dev.spout.engine.topic.Topic;
import dev.spout.server.Spout;
import dev.spout.sse.SseEvent;
import java.time.Duration;
// snippet:end

final class TopicOptionsExample {
    private TopicOptionsExample() {}

    static void define() {
        // snippet:topic-options
        var app = Spout.create();
        Topic prices = app.topic(
                "prices",
                topic -> topic.history(1024, Duration.ofMinutes(10)) // the defaults:
                        .historyBytes(16 * 1024 * 1024) // 1024 events, 10 minutes, 16 MiB at most
                        .maxEventBytes(256 * 1024) // a bigger event is refused at publish
                        .initialReplay(0) // new clients start live (the default)
                        .retry(Duration.ofSeconds(2)) // sent to each client when its stream opens
                        .authorize(request -> Access.ALLOW) // 401 / 403 for refused clients
                        .onReplayGap(gap -> Replay.history())); // the default
        app.sse("/prices", prices);
        prices.publish(SseEvent.of("42").withEvent("price"));
        // snippet:end
    }
}
