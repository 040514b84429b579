package dev.spout.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lettuce.core.RedisURI;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the one URI string of {@code --redis} and {@code spout.redis.uri} may say, read without any Redis. */
class RedisSeedsTest {
    static List<String> hostsAndPorts(String uri) {
        return RedisSeeds.parse(uri).stream()
                .map(seed -> seed.getHost() + ":" + seed.getPort())
                .toList();
    }

    @Test
    void oneRedisIsOneSeed() {
        assertThat(hostsAndPorts("redis://127.0.0.1:6379")).containsExactly("127.0.0.1:6379");
    }

    @Test
    void aClustersSeedsAreSeparatedByCommasWithSpacesOrNot() {
        assertThat(hostsAndPorts("redis://127.0.0.1:7000,redis://127.0.0.1:7001, redis://10.0.0.3:7002"))
                .containsExactly("127.0.0.1:7000", "127.0.0.1:7001", "10.0.0.3:7002");
    }

    @Test
    void aSeedWithoutASchemeTakesTheFirstOnesSchemeAndPassword() {
        List<RedisURI> seeds = RedisSeeds.parse("rediss://:secret@10.0.0.1:7000,10.0.0.2:7001,[::1]:7002,10.0.0.4");
        assertThat(seeds)
                .extracting(seed -> seed.getHost() + ":" + seed.getPort())
                .containsExactly("10.0.0.1:7000", "10.0.0.2:7001", "::1:7002", "10.0.0.4:6379");
        assertThat(seeds).allSatisfy(seed -> {
            assertThat(seed.isSsl()).isTrue();
            assertThat(seed.getCredentialsProvider()
                            .resolveCredentials()
                            .block()
                            .getPassword())
                    .containsExactly("secret".toCharArray());
        });
    }

    @Test
    void aSentinelUriIsLettucesOwnCommasAndAll() {
        List<RedisURI> seeds = RedisSeeds.parse("redis-sentinel://127.0.0.1:26379,127.0.0.1:26380#mymaster");
        assertThat(seeds).hasSize(1);
        assertThat(seeds.getFirst().getSentinels()).hasSize(2);
        assertThat(seeds.getFirst().getSentinelMasterId()).isEqualTo("mymaster");
    }

    @Test
    void whatIsNoUriSaysWhatWasExpected() {
        assertThatThrownBy(() -> RedisSeeds.parse(" "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("redis://127.0.0.1:6379");
        assertThatThrownBy(() -> RedisSeeds.parse("redis://127.0.0.1:7000,,redis://127.0.0.1:7001"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> RedisSeeds.parse("redis://127.0.0.1:7000,127.0.0.1:port"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("127.0.0.1:port");
    }
}
