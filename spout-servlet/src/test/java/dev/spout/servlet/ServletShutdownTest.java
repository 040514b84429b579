package dev.spout.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spout.engine.topic.Topic;
import dev.spout.testkit.Await;
import dev.spout.testkit.Refusal;
import dev.spout.testkit.SseTestClient;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Closing the engine ends every stream cleanly (clients see the end and reconnect) and refuses new ones. */
class ServletShutdownTest extends OnContainers {
    static final Duration WAIT = Duration.ofSeconds(10);

    @ParameterizedTest
    @EnumSource(Container.class)
    void closeEndsEveryStreamCleanlyAndRefusesNewOnes(Container container) throws Exception {
        var spout = ServletSpout.create();
        Topic feed = spout.topic("feed");
        running = container.start(new Container.Deployment().servlet("/feed", spout.servlet(feed)));
        try (var one = SseTestClient.open(running.uri("/feed"));
                var two = SseTestClient.open(running.uri("/feed"))) {
            Await.value("subscribers", feed::subscribers, 2);
            feed.publish("last words");
            assertThat(one.next(WAIT).data()).isEqualTo("last words");
            assertThat(two.next(WAIT).data()).isEqualTo("last words");
            spout.close();
            for (var client : new SseTestClient[] {one, two}) {
                assertThat(client.awaitEnd(WAIT)).as("a clean end").isTrue();
                assertThat(client.readFailure()).as("not a reset").isEmpty();
            }
            assertThat(spout.openStreams()).isZero();
        }
        var after = Refusal.of(running.uri("/feed"), java.util.Map.of());
        assertThat(after.status()).as("a stopped engine refuses new streams").isEqualTo(503);
        assertThat(after.headers().firstValue("Retry-After")).isPresent();
    }
}
