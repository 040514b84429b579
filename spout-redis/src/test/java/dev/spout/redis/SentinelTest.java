package dev.spout.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spout.server.Spout;
import dev.spout.testkit.Await;
import dev.spout.testkit.SseTestClient;
import dev.spout.testkit.SseTestClient.Event;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import java.io.File;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A Redis that a Sentinel names ({@code redis-sentinel://host:port#master}): the same URI option, Lettuce asks the
 * Sentinel for the master. Failing over behind Sentinel: {@link SentinelFailoverTest}.
 */
class SentinelTest {
    static final Duration WAIT = Duration.ofSeconds(15);

    RedisServer redis;
    Path dir;
    Process sentinel;
    int sentinelPort;
    final List<Spout> nodes = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        redis = RedisServer.start();
        dir = Files.createTempDirectory("spout-sentinel-");
        try (var probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            sentinelPort = probe.getLocalPort();
        }
        Path conf = Files.writeString(
                dir.resolve("sentinel.conf"),
                String.join(
                        "\n",
                        "port " + sentinelPort,
                        "bind 127.0.0.1",
                        "dir " + dir,
                        "sentinel monitor mymaster 127.0.0.1 " + redis.port() + " 1",
                        ""));
        sentinel = new ProcessBuilder(RedisServer.BINARY, conf.toString(), "--sentinel")
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("sentinel.log").toFile())
                .start();
        try (var admin = RedisClient.create()) {
            Await.until(
                    "the sentinel naming the master",
                    () -> {
                        try (var connection =
                                admin.connectSentinel(RedisURI.create("redis://127.0.0.1:" + sentinelPort))) {
                            return connection.sync().getMasterAddrByName("mymaster") != null;
                        } catch (RuntimeException notYet) {
                            return false;
                        }
                    },
                    WAIT);
        }
    }

    @AfterEach
    void stop() throws Exception {
        nodes.forEach(Spout::close);
        sentinel.destroyForcibly().waitFor();
        redis.close();
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }

    Spout node() {
        var broker = RedisBroker.create("redis-sentinel://127.0.0.1:" + sentinelPort + "#mymaster");
        var node = Spout.create(options -> options.broker(broker));
        node.sse("/chat", node.topic("chat"));
        node.start("127.0.0.1", 0);
        nodes.add(node);
        assertThat(broker.health().details()).containsEntry("mode", "standalone");
        return node;
    }

    @Test
    void nodesShareTopicsThroughTheMasterTheSentinelNames() throws Exception {
        Spout a = node();
        Spout b = node();
        try (var client = SseTestClient.open(b.uri("/chat"))) {
            Await.until("a subscriber on b", () -> b.topic("chat").subscribers() == 1, WAIT);
            String id = a.topic("chat").publish("through sentinel");
            assertThat(client.next(WAIT)).isEqualTo(new Event("message", "through sentinel", id));
        }
    }
}
