package dev.spout.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spout.engine.topic.Topic;
import dev.spout.server.Spout;
import dev.spout.sse.SseEvent;
import dev.spout.testkit.Await;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Publishes that wait for a replica ({@link RedisBrokerBuilder#waitForReplicas}), on a real master and replica: a
 * publish is answered only once the replica has it, even when the replica lags (its process stopped, its connection
 * open); one no replica confirms in time fails
 * with a {@link NotReplicatedException} though the master wrote it, and so does its retry with the idempotency key
 * from another node while the replica is down (the retry writes nothing new, yet its WAIT vouches for the first
 * publish), until the replica is back: then it answers the first id, one entry; settings that cannot work are
 * refused.
 */
class WaitForReplicasTest {
    static final Duration WAIT = Duration.ofSeconds(15);

    ReplicatedRedis redis;
    final List<Spout> nodes = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        nodes.forEach(Spout::close);
        if (redis != null) {
            redis.close();
        }
    }

    Topic orders(Duration timeout) throws Exception {
        redis = ReplicatedRedis.start();
        return node(timeout).topic("orders");
    }

    /** A node whose publishes wait for one replica, this long at most (the command timeout a second more). */
    Spout node(Duration timeout) {
        var broker = RedisBroker.builder(redis.master.uri())
                .commandTimeout(timeout.plusSeconds(1))
                .waitForReplicas(1, timeout)
                .build();
        var node = Spout.create(options -> options.broker(broker));
        node.start("127.0.0.1", 0);
        nodes.add(node);
        return node;
    }

    long length(RedisProcess redis) {
        return redis.ask(commands -> commands.xlen("spout:orders"));
    }

    @Test
    void aPublishIsAnsweredOnlyOnceTheReplicaHasItEvenWhenTheReplicaLags() throws Exception {
        Topic orders = orders(Duration.ofSeconds(5));
        List<Future<String>> ids = new ArrayList<>();
        try (var publishers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 200; i++) { // rounds of several publishes, each confirmed by one WAIT
                String data = "order " + i;
                ids.add(publishers.submit(() -> orders.publish(data)));
            }
        }
        for (Future<String> id : ids) {
            assertThat(id.get()).isNotBlank();
        }
        assertThat(length(redis.replica))
                .as("each answered publish on the replica")
                .isEqualTo(200);

        // The replica stops (connected, applying nothing): the master writes the publish, which waits for it.
        CompletableFuture<String> late;
        redis.replica.freeze();
        try {
            late = CompletableFuture.supplyAsync(() -> orders.publish("while the replica is stopped"));
            Await.value("the publish written on the master", () -> length(redis.master), 201L, WAIT);
            assertThatThrownBy(() -> late.get(300, TimeUnit.MILLISECONDS))
                    .as("not answered while the replica cannot have it")
                    .isInstanceOf(TimeoutException.class);
        } finally {
            redis.replica.thaw();
        }
        String id = late.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        List<StreamMessage<String, String>> newest =
                redis.replica.ask(replica -> replica.xrevrange("spout:orders", Range.create("-", "+"), Limit.from(1)));
        assertThat(newest.getFirst().getId()).as("on the replica when answered").isEqualTo(id);
    }

    @Test
    void aPublishNoReplicaConfirmsFailsThoughWrittenAndItsRetriesWithTheKeyAnswerItsIdOnlyOnceTheReplicaHasIt()
            throws Exception {
        Topic onA = orders(Duration.ofSeconds(1));
        Topic onB = node(Duration.ofSeconds(1)).topic("orders");
        onA.publish("first, confirmed"); // each node's connection has written, and had it confirmed
        onB.publish("second, confirmed");
        redis.replica.freeze();
        try {
            assertThatThrownBy(() -> onA.publishOnce("order-42", SseEvent.of("placed")))
                    .isInstanceOfSatisfying(NotReplicatedException.class, failure -> {
                        assertThat(failure.asked()).isEqualTo(1);
                        assertThat(failure.confirmed()).isZero();
                        assertThat(failure.getMessage()).contains("publishOnce");
                    });
            assertThat(length(redis.master))
                    .as("written on the master all the same")
                    .isEqualTo(3);
            // A retry from another node finds the key and appends nothing: its WAIT must still vouch for the first.
            // From
            // Redis 7.2 a WAIT covers only what its own connection wrote (before, whatever the master had written when
            // the connection's last command ran), so the retry writes the key's record again (publish.lua).
            assertThatThrownBy(() -> onB.publishOnce("order-42", SseEvent.of("placed")))
                    .isInstanceOf(NotReplicatedException.class);
        } finally {
            redis.replica.thaw();
        }
        redis.awaitInSync();
        List<StreamMessage<String, String>> newest =
                redis.master.ask(master -> master.xrevrange("spout:orders", Range.create("-", "+"), Limit.from(1)));
        assertThat(onB.publishOnce("order-42", SseEvent.of("placed")))
                .isEqualTo(newest.getFirst().getId());
        assertThat(length(redis.replica)).isEqualTo(3);
    }

    @Test
    void settingsThatCannotWorkAreRefusedWithTheReason() {
        assertThatThrownBy(() -> RedisBroker.builder("redis://127.0.0.1:1").waitForReplicas(0, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1 replica");
        assertThatThrownBy(() -> RedisBroker.builder("redis://127.0.0.1:1").waitForReplicas(1, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least a millisecond");
        assertThatThrownBy(() -> RedisBroker.builder("redis://127.0.0.1:1")
                        .waitForReplicas(1, Duration.ofSeconds(2))
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("under commandTimeout");
    }
}
