package dev.spout.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lettuce.core.RedisConnectionException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** Whether Redis is a cluster is asked of Redis, from the same URI option: no second setting to get wrong. */
class RedisModeTest {
    @Test
    void oneRedisIsStandaloneAndSeveralUrisOfItAreRefusedWithTheReason() throws Exception {
        try (var redis = RedisServer.start()) {
            try (var broker = RedisBroker.create(redis.uri())) {
                assertThat(broker.health().details()).containsEntry("mode", "standalone");
            }
            assertThatThrownBy(() -> RedisBroker.create(redis.uri() + "," + redis.uri()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("not a cluster");
        }
    }

    @Test
    void aClusterIsFoundFromAnyOfItsNodes() throws Exception {
        try (var cluster = RedisCluster.start(3)) {
            String third = "redis://127.0.0.1:" + cluster.ports().get(2);
            try (var broker = RedisBroker.create(third)) {
                assertThat(broker.health().details())
                        .containsEntry("mode", "cluster")
                        .containsEntry("masters", 3L);
            }
        }
    }

    @Test
    void seedsThatNobodyAnswersFailWithEachOnesCause() throws Exception {
        int nobody;
        try (var probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            nobody = probe.getLocalPort();
        }
        String uri = "redis://127.0.0.1:" + nobody + ",redis://127.0.0.1:" + nobody;
        assertThatThrownBy(() -> RedisBroker.create(uri))
                .isInstanceOf(RedisConnectionException.class)
                .hasMessageContaining("No Redis answered")
                .satisfies(failure -> assertThat(failure.getSuppressed()).hasSize(2));
    }
}
