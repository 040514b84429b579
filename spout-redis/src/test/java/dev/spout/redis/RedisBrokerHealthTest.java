package dev.spout.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spout.broker.BrokerHealth;
import dev.spout.testkit.Await;
import dev.spout.testkit.LoopbackProxy;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The broker's health is what an operator needs: up while Redis answers, down with the reason when it does not. */
class RedisBrokerHealthTest {
    RedisServer redis;
    LoopbackProxy proxy;
    RedisBroker broker;

    @BeforeEach
    void start() throws Exception {
        redis = RedisServer.start();
        proxy = new LoopbackProxy(redis.port());
        broker = RedisBroker.builder("redis://127.0.0.1:" + proxy.port())
                .commandTimeout(Duration.ofMillis(500))
                .build();
    }

    @AfterEach
    void stop() throws Exception {
        broker.close();
        proxy.close();
        redis.close();
    }

    @Test
    void upWhileRedisAnswersDownWithTheReasonWhenItIsGoneAndUpAgainWhenItIsBack() throws Exception {
        BrokerHealth up = broker.health();
        assertThat(up.up()).isTrue();
        assertThat(up.details()).containsEntry("broker", "redis").containsEntry("ping", "PONG");

        proxy.cut(); // Redis unreachable: the connections drop and cannot come back
        BrokerHealth down =
                Await.until("the broker down", broker::health, health -> !health.up(), Duration.ofSeconds(10));
        assertThat(down.details()).containsKey("error");

        proxy.restore();
        Await.until("the broker up again", broker::health, BrokerHealth::up, Duration.ofSeconds(30));
    }
}
