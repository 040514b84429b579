package dev.spout.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spout.engine.topic.Topic;
import dev.spout.server.Spout;
import dev.spout.testkit.Await;
import dev.spout.testkit.SseTestClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SpoutMetricsTest {

    @Test
    void metersFollowTheApplicationsStreamsAndTopics() throws Exception {
        var registry = new SimpleMeterRegistry();
        try (var app = Spout.create()) {
            Topic prices = app.topic("prices");
            app.sse("/prices", prices);
            app.start("127.0.0.1", 0);
            new SpoutMetrics(app).bindTo(registry);

            try (var client = SseTestClient.open(app.uri("/prices"))) {
                Await.value("subscribers", prices::subscribers, 1);
                prices.publish("1");
                prices.publish("2");
                client.next(2, Duration.ofSeconds(5));

                assertThat(registry.get("spout.streams.open").gauge().value()).isEqualTo(1);
                assertThat(registry.get("spout.topic.subscribers")
                                .tag("topic", "prices")
                                .gauge()
                                .value())
                        .isEqualTo(1);
                assertThat(registry.get("spout.topic.published")
                                .tag("topic", "prices")
                                .functionCounter()
                                .count())
                        .isEqualTo(2);
                // A delivery is counted when its write completes, which may be just after the client has read it.
                Await.value(
                        "delivered",
                        () -> registry.get("spout.topic.delivered")
                                .tag("topic", "prices")
                                .functionCounter()
                                .count(),
                        2.0);
                assertThat(registry.get("spout.topic.retained")
                                .tag("topic", "prices")
                                .gauge()
                                .value())
                        .isEqualTo(2);
                assertThat(registry.get("spout.slow.disconnects")
                                .functionCounter()
                                .count())
                        .isZero();
            }
        }
    }
}
