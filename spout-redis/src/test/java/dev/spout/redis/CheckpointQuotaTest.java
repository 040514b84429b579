package dev.spout.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spout.engine.topic.Subscription;
import dev.spout.engine.topic.Topic;
import dev.spout.server.Spout;
import dev.spout.testkit.Await;
import dev.spout.testkit.SseTestClient;
import io.lettuce.core.RedisClient;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Anonymous streams of several topics make Redis keep a bounded number of checkpoints: one client's share, however
 * many streams it opens (2,000 opens made 2,000 keys before the bound).
 */
class CheckpointQuotaTest {
    static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void oneClientsStreamsKeepItsShareOfCheckpointsInRedisAndNoMore() throws Exception {
        try (var redis = RedisServer.start();
                var node = Spout.create(options ->
                        options.broker(RedisBroker.builder(redis.uri()).build()).maxCheckpoints(1000, 3))) {
            Topic a = node.topic("a");
            Topic b = node.topic("b");
            node.subscribe("/ab", request -> Subscription.to(a, b));
            node.start("127.0.0.1", 0);
            for (int stream = 0; stream < 10; stream++) {
                try (var client = SseTestClient.open(node.uri("/ab"))) {
                    Await.value("b's subscribers", b::subscribers, 1);
                    b.publish("event " + stream);
                    assertThat(client.next(WAIT).data())
                            .as("every stream is served")
                            .isEqualTo("event " + stream);
                }
                Await.value("b's subscribers", b::subscribers, 0);
            }
            var admin = RedisClient.create(redis.uri());
            try (var inspect = admin.connect()) {
                assertThat(inspect.sync().keys("spout:checkpoint*")).hasSize(3);
            } finally {
                admin.shutdown();
            }
        }
    }
}
