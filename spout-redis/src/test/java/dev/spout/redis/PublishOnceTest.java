package dev.spout.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spout.engine.topic.Topic;
import dev.spout.server.Spout;
import dev.spout.sse.SseEvent;
import dev.spout.testkit.Await;
import dev.spout.testkit.SseTestClient;
import dev.spout.testkit.SseTestClient.Event;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Publishing once per idempotency key on a real Redis: a publish that timed out after Redis wrote it, retried, is in
 * the stream once with one id; retries from another node, and racing on two nodes, publish once; a key is forgotten
 * after its window; an event of several topics records its key beside each stream.
 */
class PublishOnceTest {
    static final Duration WAIT = Duration.ofSeconds(15);

    RedisServer redis;
    RedisClient admin;
    RedisCommands<String, String> commands;
    final List<Spout> nodes = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        redis = RedisServer.start();
        admin = RedisClient.create(redis.uri());
        commands = admin.connect().sync();
    }

    @AfterEach
    void stop() throws Exception {
        nodes.forEach(Spout::close);
        admin.close();
        redis.close();
    }

    Spout node(UnaryOperator<RedisBrokerBuilder> settings) {
        var broker = settings.apply(RedisBroker.builder(redis.uri())).build();
        var node = Spout.create(options -> options.broker(broker));
        node.sse("/orders", node.topic("orders"));
        node.start("127.0.0.1", 0);
        nodes.add(node);
        return node;
    }

    Spout node() {
        return node(builder -> builder);
    }

    @Test
    void aPublishThatTimedOutAfterRedisWroteItIsRetriedWithItsKeyAndIsInTheStreamOnce() {
        Spout node = node(builder -> builder.commandTimeout(Duration.ofMillis(300)));
        Topic orders = node.topic("orders");
        // Redis learns the script first: else the publish held below would run as an unknown digest, write nothing.
        node.topic("warm-up").publish("the script, loaded");
        // Redis holds every script for 1.5 s, then runs it: the node gives up after 300 ms, and the publish it was
        // told failed is written all the same, as when Redis answers too late or the answer is lost.
        commands.clientPause(1500); // CLIENT PAUSE ALL: every command waits, the publish among them
        assertThatThrownBy(() -> orders.publishOnce("order-42", SseEvent.of("placed")))
                .isInstanceOf(RedisCommandTimeoutException.class);
        Await.value("the timed-out publish, written", () -> commands.xlen("spout:orders"), 1L, WAIT);
        String written = commands.xrange("spout:orders", io.lettuce.core.Range.create("-", "+"))
                .getFirst()
                .getId();

        assertThat(orders.publishOnce("order-42", SseEvent.of("placed"))).isEqualTo(written);
        assertThat(commands.xlen("spout:orders")).isEqualTo(1);
    }

    @Test
    void aRetryOnAnotherNodeAnswersTheFirstIdAndEveryNodeDeliversTheEventOnce() {
        Spout a = node();
        Spout b = node();
        try (var onA = SseTestClient.open(a.uri("/orders"));
                var onB = SseTestClient.open(b.uri("/orders"))) {
            Await.value("a subscriber on a", a.topic("orders")::subscribers, 1, WAIT);
            Await.value("a subscriber on b", b.topic("orders")::subscribers, 1, WAIT);
            String first = a.topic("orders").publishOnce("order-42", SseEvent.of("placed"));
            String retry = b.topic("orders").publishOnce("order-42", SseEvent.of("placed"));
            String next = b.topic("orders").publish("next");

            assertThat(retry).isEqualTo(first);
            var expected = List.of(new Event("message", "placed", first), new Event("message", "next", next));
            assertThat(onA.next(2, WAIT)).isEqualTo(expected);
            assertThat(onB.next(2, WAIT)).isEqualTo(expected);
            assertThat(commands.xlen("spout:orders")).isEqualTo(2);
        }
    }

    @Test
    void retriesRacingOnTwoNodesPublishEachKeyOnce() throws Exception {
        Spout a = node();
        Spout b = node();
        int keys = 100;
        List<Future<String>> fromA = new ArrayList<>();
        List<Future<String>> fromB = new ArrayList<>();
        try (var publishers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < keys; i++) {
                String key = "order-" + i;
                fromA.add(publishers.submit(() -> a.topic("orders").publishOnce(key, SseEvent.of(key + " on a"))));
                fromB.add(publishers.submit(() -> b.topic("orders").publishOnce(key, SseEvent.of(key + " on b"))));
            }
        }
        for (int i = 0; i < keys; i++) {
            assertThat(fromB.get(i).get()).isEqualTo(fromA.get(i).get());
        }
        assertThat(commands.xlen("spout:orders")).isEqualTo(keys);
    }

    @Test
    void aKeyIsForgottenWhenItsWindowEndsAndRedisDropsItsRecordByItself() {
        Topic orders = node(builder -> builder.idempotencyWindow(Duration.ofMillis(300)))
                .topic("orders");
        String first = orders.publishOnce("order-1", SseEvent.of("first"));
        assertThat(commands.pttl("spout:orders\0once\0order-1")).isBetween(1L, 300L);
        assertThat(orders.publishOnce("order-1", SseEvent.of("at once"))).isEqualTo(first);

        String later = Await.until(
                "a publish with the key after its window",
                () -> orders.publishOnce("order-1", SseEvent.of("later")),
                id -> !id.equals(first),
                WAIT);
        assertThat(StreamEntryIds.compare(later, first)).isPositive();
        assertThat(commands.xlen("spout:orders")).isEqualTo(2);
    }

    @Test
    void anEventOfSeveralTopicsIsPublishedOnceWithItsKeyRecordedBesideEachStream() {
        Spout node = node();
        Topic orders = node.topic("orders");
        Topic audit = node.topic("audit");
        String id = node.publishOnce("order-9", SseEvent.of("both"), List.of(orders, audit));

        assertThat(node.publishOnce("order-9", SseEvent.of("both"), List.of(orders, audit)))
                .isEqualTo(id);
        assertThat(audit.publishOnce("order-9", SseEvent.of("audit alone"))).isEqualTo(id);
        assertThat(commands.xlen("spout:orders")).isEqualTo(1);
        assertThat(commands.xlen("spout:audit")).isEqualTo(1);
        assertThat(commands.get("spout:orders\0once\0order-9")).isEqualTo(id);
        assertThat(commands.get("spout:audit\0once\0order-9")).isEqualTo(id);
    }

    @Test
    void aPublishWithoutAKeyRecordsNothing() {
        node().topic("orders").publish("plain");
        assertThat(commands.keys("*once*")).isEmpty();
        assertThat(commands.xlen("spout:orders")).isEqualTo(1);
    }
}
