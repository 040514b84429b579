package dev.spout.redis;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.spout.testkit.Await;
import dev.spout.testkit.LoopbackProxy;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.sentinel.api.sync.RedisSentinelCommands;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A real Redis master with one replica, in sync, on loopback, for the tests of replication: and, if asked, a Sentinel
 * that watches the master as {@code mymaster} and promotes the replica when the master is down for a second. With the
 * Sentinel, the replica reaches its master through a {@link LoopbackProxy}, so a test can cut it off ({@link
 * #cutReplicaOff}): the master then goes on answering writes its replica never gets, what a failover loses. (Without
 * it, the replica connects directly: through the proxy, small packets go late, tens of milliseconds for a WAIT.) Skips the test when Redis is not
 * installed, unless the build requires it ({@code -Dspout.requireRedis=true}).
 *
 * <pre>{@code
 * try (var redis = ReplicatedRedis.withSentinel()) {
 *     RedisBroker broker = RedisBroker.create(redis.sentinelUri()); // redis-sentinel://127.0.0.1:p#mymaster
 *     redis.master.kill();
 *     redis.awaitFailover(Duration.ofSeconds(20));                  // the replica is the master now
 * }
 * }</pre>
 */
final class ReplicatedRedis implements AutoCloseable {
    static final String MASTER_NAME = "mymaster";
    static final Duration READY = Duration.ofSeconds(20);

    private final Path dir;
    final RedisProcess master;
    final RedisProcess replica;
    private final @Nullable LoopbackProxy link; // the replica's connection to its master, if it can be cut
    private @Nullable RedisProcess sentinel;
    private final RedisClient admin = RedisClient.create(); // the test's questions to the Sentinel

    private ReplicatedRedis(Path dir, RedisProcess master, @Nullable LoopbackProxy link, RedisProcess replica) {
        this.dir = dir;
        this.master = master;
        this.link = link;
        this.replica = replica;
    }

    /** A master and its replica, in sync, the replica connected to its master directly. */
    static ReplicatedRedis start() throws Exception {
        return start(false);
    }

    /** A master and its replica, in sync; if {@code cuttable}, connected through a proxy {@link #cutReplicaOff} cuts. */
    private static ReplicatedRedis start(boolean cuttable) throws Exception {
        boolean present = new File(RedisServer.BINARY).canExecute();
        if (!present && Boolean.getBoolean("spout.requireRedis")) {
            throw new IllegalStateException(
                    "Redis tests need " + RedisServer.BINARY + ": apt-get install -y redis-server");
        }
        assumeTrue(present, "redis-server is not installed: Redis replication test skipped");
        Path dir = Files.createTempDirectory("spout-redis-replicated-");
        int[] ports = RedisProcess.freePorts(2);
        RedisProcess master = RedisProcess.start(dir.resolve("master"), ports[0], List.of());
        LoopbackProxy link = null;
        RedisProcess replica;
        try {
            link = cuttable ? new LoopbackProxy(ports[0]) : null;
            int to = link == null ? ports[0] : link.port();
            replica = RedisProcess.start(
                    dir.resolve("replica"), ports[1], List.of("--replicaof", "127.0.0.1", Integer.toString(to)));
        } catch (Exception | AssertionError failed) {
            master.close();
            if (link != null) {
                link.close();
            }
            throw failed;
        }
        var redis = new ReplicatedRedis(dir, master, link, replica);
        try {
            redis.awaitInSync();
            return redis;
        } catch (Exception | AssertionError failed) {
            redis.close();
            throw failed;
        }
    }

    /** A master, its replica, and a Sentinel that promotes the replica once the master is down for a second. */
    static ReplicatedRedis withSentinel() throws Exception {
        var redis = start(true);
        try {
            int port = RedisProcess.freePorts(1)[0];
            Path home = Files.createDirectories(redis.dir.resolve("sentinel"));
            Path conf = Files.writeString(
                    home.resolve("sentinel.conf"),
                    String.join(
                            "\n",
                            "port " + port,
                            "bind 127.0.0.1",
                            "dir " + home,
                            "logfile " + home.resolve("redis.log"),
                            "sentinel monitor " + MASTER_NAME + " 127.0.0.1 " + redis.master.port + " 1",
                            "sentinel down-after-milliseconds " + MASTER_NAME + " 1000",
                            "sentinel failover-timeout " + MASTER_NAME + " 10000",
                            ""));
            redis.sentinel = RedisProcess.sentinel(home, port, conf);
            Await.until(
                    "the Sentinel to know the master's replica",
                    () -> redis.askSentinel(s -> s.replicas(MASTER_NAME).stream()
                            .anyMatch(r -> r.get("port").equals(Integer.toString(redis.replica.port))
                                    && !r.get("flags").contains("s_down"))),
                    READY);
            return redis;
        } catch (Exception | AssertionError failed) {
            redis.close();
            throw failed;
        }
    }

    /** The URI that asks the Sentinel for the master, as Spout is configured. */
    String sentinelUri() {
        return "redis-sentinel://127.0.0.1:" + sentinel.port + "#" + MASTER_NAME;
    }

    /**
     * Cuts the replica off its master (its connection dropped, new ones refused), as a network partition would: the
     * master answers writes that the replica never gets, and the replica, alive and known to the Sentinel, can still
     * be promoted.
     */
    void cutReplicaOff() throws IOException {
        if (link == null) {
            throw new IllegalStateException("This replica connects to its master directly: it cannot be cut off");
        }
        link.cut();
    }

    /** Waits until the master sees its replica online and the replica has all the master has sent. */
    void awaitInSync() {
        Await.until(
                "the replica " + replica.port + " in sync with master " + master.port,
                () -> {
                    String info = master.ask(redis -> redis.info("replication"));
                    String offset = RedisProbe.field(info, "master_repl_offset");
                    String line = RedisProbe.field(info, "slave0");
                    return line.contains("state=online") && line.contains("offset=" + offset + ",");
                },
                READY);
    }

    /** Waits until the Sentinel names the replica as the master, and the replica says it is one. */
    void awaitFailover(Duration timeout) {
        Await.until(
                "the Sentinel to name replica " + replica.port + " the master",
                () -> askSentinel(s -> ((InetSocketAddress) s.getMasterAddrByName(MASTER_NAME)).getPort())
                                == replica.port
                        && replica.role().equals("master"),
                timeout);
    }

    private <T> T askSentinel(Function<RedisSentinelCommands<String, String>, T> question) {
        try (var connection = admin.connectSentinel(RedisURI.create("redis://127.0.0.1:" + sentinel.port))) {
            return question.apply(connection.sync());
        }
    }

    @Override
    public void close() throws Exception {
        if (sentinel != null) {
            sentinel.close();
        }
        replica.close();
        if (link != null) {
            link.close();
        }
        master.close();
        admin.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }
}
