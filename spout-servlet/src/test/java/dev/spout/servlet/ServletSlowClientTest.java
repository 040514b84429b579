package dev.spout.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spout.engine.topic.Topic;
import dev.spout.testkit.Await;
import dev.spout.testkit.SseTestClient;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A client that stops reading is cut off at its bound on a Servlet container too, and the others never notice. The
 * Servlet API has no abort: Spout lets go of the stream at once (its slot, its place in the topic, its queue), and
 * the container closes the connection when its own pending write times out (its connection or idle timeout).
 */
class ServletSlowClientTest extends OnContainers {
    static final Duration WAIT = Duration.ofSeconds(10);
    static final String KILOBYTE = "k".repeat(1000);

    @ParameterizedTest
    @EnumSource(Container.class)
    void aStalledClientIsCutOffAtItsBoundWhileTheOthersGetEverything(Container container) throws Exception {
        spout = ServletSpout.create(options -> options.maxQueuedBytes(256 * 1024));
        Topic feed = spout.topic("feed", t -> t.history(20_000, Duration.ofMinutes(1)));
        running = container.start(
                new Container.Deployment().idleTimeout(Duration.ofSeconds(2)).servlet("/feed", spout.servlet(feed)));

        try (var stalled = new RawStream(running.port(), "/feed", Map.of("Accept", "text/event-stream"), 4096);
                var reader1 = SseTestClient.open(running.uri("/feed"));
                var reader2 = SseTestClient.open(running.uri("/feed"))) {
            Await.value("subscribers", feed::subscribers, 3);
            int events = 10_000; // 10 MB: far more than the bound and every buffer on the way
            for (int i = 1; i <= events; i++) {
                feed.publish(i + " " + KILOBYTE);
                if (i % 50 == 0) { // the readers keep up: they get everything, in order
                    assertThat(reader1.next(50, WAIT).getLast().data()).startsWith(i + " ");
                    assertThat(reader2.next(50, WAIT).getLast().data()).startsWith(i + " ");
                }
            }
            assertThat(spout.stats().slowClientDisconnects()).isEqualTo(1);
            assertThat(feed.subscribers())
                    .as("the stalled client has left the topic")
                    .isEqualTo(2);
            assertThat(stalled.closedByServer(15_000))
                    .as("the container closes the stalled connection at its timeout")
                    .isTrue();
        }
        assertThat(feed.stats().delivered()).isGreaterThanOrEqualTo(2 * 10_000L);
    }
}
