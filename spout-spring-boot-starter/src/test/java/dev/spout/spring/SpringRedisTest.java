package dev.spout.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spout.engine.topic.Topic;
import dev.spout.redis.RedisServer;
import dev.spout.servlet.ServletSpout;
import dev.spout.testkit.Await;
import dev.spout.testkit.SseTestClient;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

/** The Redis broker from one property: two nodes share their topics, with Spout's own connections. */
class SpringRedisTest {
    static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void twoNodesOnOneRedisShareTheirTopics() throws Exception {
        try (var redis = RedisServer.start();
                var one = Server.TOMCAT.start("spout.redis.uri=" + redis.uri());
                var two = Server.TOMCAT.start("spout.redis.uri=" + redis.uri())) {
            Topic onOne = one.bean(Topic.class);
            Topic onTwo = two.bean(Topic.class);
            try (var client = SseTestClient.open(two.uri("/news"))) {
                Await.value("subscribers on node two", onTwo::subscribers, 1);
                String id = onOne.publish("published on node one");
                var event = client.next(WAIT);
                assertThat(event.data()).isEqualTo("published on node one");
                assertThat(event.lastEventId()).isEqualTo(id);
            }
            assertThat(new SpoutHealthIndicator(two.bean(ServletSpout.class))
                            .health()
                            .getDetails())
                    .containsEntry("broker", "redis")
                    .containsEntry("ping", "PONG");
        }
    }

    @Test
    void redisWithoutSpoutRedisOnTheClassPathFailsAtStartSayingWhatToAdd() {
        new WebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(SpoutAutoConfiguration.class))
                .withClassLoader(new FilteredClassLoader("dev.spout.redis"))
                .withPropertyValues("spout.redis.uri=redis://127.0.0.1:6379")
                .run(context -> assertThat(context.getStartupFailure())
                        .isNotNull()
                        .rootCause()
                        .hasMessageContaining("add the dependency dev.spout:spout-redis"));
    }

    @Test
    void topicPatternsAndSettingsComeFromProperties() {
        new WebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(SpoutAutoConfiguration.class))
                .withPropertyValues(
                        "spout.topics[user/*].history-events=2", "spout.max-queued-bytes=64KB", "spout.heartbeat=0")
                .run(context -> {
                    ServletSpout spout = context.getBean(ServletSpout.class);
                    Topic ann = spout.topic("user/ann");
                    for (int i = 1; i <= 3; i++) {
                        ann.publish("event " + i);
                    }
                    assertThat(ann.stats().retained())
                            .as("the pattern's history")
                            .isEqualTo(2);
                    assertThat(spout.topic("other").stats().retained()).isZero();
                });
    }

    @Test
    void aBadSettingFailsAtStartWithSpoutsOwnMessage() {
        new WebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(SpoutAutoConfiguration.class))
                .withPropertyValues("spout.heartbeat=-1s")
                .run(context -> assertThat(context.getStartupFailure())
                        .isNotNull()
                        .rootCause()
                        .hasMessageContaining("heartbeat interval must not be negative"));
    }
}
