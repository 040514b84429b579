package dev.spout.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spout.engine.topic.Replay;
import dev.spout.engine.topic.ReplayGap;
import dev.spout.engine.topic.Subscription;
import dev.spout.engine.topic.Topic;
import dev.spout.testkit.Await;
import dev.spout.testkit.SseTestClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Anonymous streams of several topics cannot fill the checkpoint store: past its share, a client's new streams go on
 * without a checkpoint (their ids then resume by the topics' gap policy), while a stream that resumes exactly keeps
 * doing so, from the same client.
 */
class CheckpointBoundsTest {
    static final Duration WAIT = Duration.ofSeconds(10);

    final Spout app = Spout.create(options -> options.maxCheckpoints(1000, 3));
    final List<ReplayGap> gaps = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void pastItsShareAClientsNewStreamsGoOnWithoutExactResumeAndResumingOnesKeepIt() throws Exception {
        Topic a = app.topic("a");
        Topic b = app.topic(
                "b",
                t -> t.onReplayGap(gap -> {
                    gaps.add(gap);
                    return Replay.liveOnly();
                }));
        app.subscribe("/ab", request -> Subscription.to(a, b));
        app.start("127.0.0.1", 0);

        List<String> lastIds = new ArrayList<>();
        for (int stream = 0; stream < 5; stream++) {
            try (var client = SseTestClient.open(app.uri("/ab"))) {
                Await.value("b's subscribers", b::subscribers, 1);
                b.publish("b" + stream);
                var event = client.next(WAIT);
                assertThat(event.data()).as("every stream is served").isEqualTo("b" + stream);
                lastIds.add(event.lastEventId());
            }
            Await.value("b's subscribers", b::subscribers, 0);
        }
        b.publish("missed");

        for (int stream = 0; stream < 5; stream++) {
            try (var back = SseTestClient.open(app.uri("/ab"), Map.of("Last-Event-ID", lastIds.get(stream)))) {
                Await.value("b's subscribers", b::subscribers, 1);
                b.publish("live " + stream);
                var first = back.next(WAIT);
                if (stream < 3) {
                    assertThat(first.data())
                            .as("stream %d resumes exactly", stream)
                            .isEqualTo("b" + (stream + 1));
                } else {
                    assertThat(first.data())
                            .as("stream %d had no checkpoint", stream)
                            .isEqualTo("live " + stream);
                }
            }
            Await.value("b's subscribers", b::subscribers, 0);
        }
        assertThat(gaps).extracting(ReplayGap::lastEventId).containsExactly(lastIds.get(3), lastIds.get(4));
    }
}
