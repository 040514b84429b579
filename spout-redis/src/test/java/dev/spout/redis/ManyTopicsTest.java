package dev.spout.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spout.engine.topic.Replay;
import dev.spout.engine.topic.ReplayGap;
import dev.spout.engine.topic.Subscription;
import dev.spout.engine.topic.Topic;
import dev.spout.server.Spout;
import dev.spout.sse.SseEvent;
import dev.spout.testkit.Await;
import dev.spout.testkit.LoopbackProxy;
import dev.spout.testkit.SseTestClient;
import dev.spout.testkit.SseTestClient.Event;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Many topics on a real Redis: a handful of connections however many, topics read only where they have
 * subscribers, streams of several topics resumed on another node, streams of abandoned topics expiring.
 */
class ManyTopicsTest {
    static final Duration WAIT = Duration.ofSeconds(20);

    RedisServer redis;
    RedisClient admin;
    StatefulRedisConnection<String, String> inspect;
    final List<Spout> nodes = new ArrayList<>();
    final List<RedisBroker> brokers = new ArrayList<>();
    final List<ReplayGap> gaps = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startRedis() throws Exception {
        redis = RedisServer.start();
        admin = RedisClient.create(redis.uri());
        inspect = admin.connect();
    }

    @AfterEach
    void stop() throws Exception {
        for (Spout node : nodes) {
            try {
                node.close();
            } catch (RuntimeException alreadyStopped) {
                // a node a test killed
            }
        }
        inspect.close();
        admin.shutdown();
        redis.close();
    }

    /** A node whose per-user topics come on demand, streamed at /users/{id} and, several at once, at /feed. */
    Spout node(String name, UnaryOperator<RedisBrokerBuilder> settings) {
        return node(name, redis.uri(), settings);
    }

    Spout node(String name, String uri, UnaryOperator<RedisBrokerBuilder> settings) {
        var broker = settings.apply(RedisBroker.builder(uri).clientName(name)).build();
        var node = Spout.create(options -> options.broker(broker));
        node.topicPattern(
                "user/*",
                t -> t.history(50, Duration.ofMinutes(5)).onReplayGap(gap -> {
                    gaps.add(gap);
                    return Replay.history();
                }));
        node.subscribe(
                "/users/{id}",
                request -> Subscription.to(
                        node.topic("user/" + request.pathParameter("id").orElseThrow())));
        node.subscribe(
                "/feed",
                request -> Subscription.to(request.queryParameters("topic").stream()
                                .map(node::topic)
                                .toList())
                        .typedByTopic());
        node.start("127.0.0.1", 0);
        nodes.add(node);
        brokers.add(broker);
        return node;
    }

    /** This node's connections as Redis lists them. */
    long connections(String name) {
        return inspect.sync()
                .clientList()
                .lines()
                .filter(l -> l.contains(" name=" + name + " "))
                .count();
    }

    /**
     * Opens the inbox of users 0 … count-1, user i on the node {@code on} gives, in parallel, and returns once each
     * node follows its users' topics; the caller closes the clients.
     */
    List<SseTestClient> inboxes(int count, java.util.function.IntFunction<Spout> on) throws Exception {
        List<SseTestClient> clients = new ArrayList<>();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<SseTestClient>> opening = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                URI uri = on.apply(i).uri("/users/" + i);
                opening.add(pool.submit(() -> SseTestClient.open(uri)));
            }
            for (Future<SseTestClient> f : opening) {
                clients.add(f.get());
            }
        }
        for (int i = 0; i < count; i++) {
            Topic topic = on.apply(i).topic("user/" + i);
            Await.until("user " + i + " subscribed", () -> topic.subscribers() == 1, WAIT);
        }
        return clients;
    }

    @Test
    void fiveHundredTopicsOverTwoNodesDeliverEveryEventOnThreeConnectionsEach() throws Exception {
        Spout a = node("spout-a", b -> b);
        Spout b = node("spout-b", b2 -> b2);
        int topics = 500;
        int perTopic = 4;
        List<SseTestClient> clients = inboxes(topics, i -> i % 2 == 0 ? a : b);
        try {
            assertThat(brokers.get(0).stats().following()).isEqualTo(topics / 2);
            try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int round = 0; round < perTopic; round++) {
                    for (int i = 0; i < topics; i++) {
                        Spout from = (i + round) % 2 == 0 ? b : a; // half the events cross to the other node
                        int user = i;
                        int r = round;
                        pool.submit(() -> from.topic("user/" + user).publish(user + " " + r));
                    }
                }
            }
            for (int i = 0; i < topics; i++) {
                int user = i;
                assertThat(clients.get(i).next(perTopic, WAIT))
                        .extracting(Event::data)
                        .containsExactlyInAnyOrderElementsOf(IntStream.range(0, perTopic)
                                .mapToObj(r -> user + " " + r)
                                .toList());
            }
            assertThat(connections("spout-a"))
                    .as("node a's connections to Redis")
                    .isBetween(1L, 8L);
            assertThat(connections("spout-b"))
                    .as("node b's connections to Redis")
                    .isBetween(1L, 8L);
        } finally {
            clients.forEach(SseTestClient::close);
        }
    }

    @Test
    void aStreamOfSeveralTopicsResumesExactlyOnAnotherNode() throws Exception {
        Spout doomed = node("spout-a", b -> b);
        Spout survivor = node("spout-b", b -> b);
        String query = IntStream.range(0, 20)
                .mapToObj(i -> "topic=user/" + i)
                .reduce((x, y) -> x + "&" + y)
                .get();
        List<Topic> onSurvivor = IntStream.range(0, 20)
                .mapToObj(i -> survivor.topic("user/" + i))
                .toList();
        List<String> received = new ArrayList<>();
        String lastId;
        try (var client = SseTestClient.open(doomed.uri("/feed?" + query))) {
            Await.until("subscribed", () -> doomed.topic("user/19").subscribers() == 1, WAIT);
            for (int i = 0; i < 40; i++) {
                onSurvivor.get(i % 20).publish("before " + i);
            }
            survivor.publish(SseEvent.of("to two"), List.of(onSurvivor.get(0), onSurvivor.get(1)));
            List<Event> got = client.next(41, WAIT);
            got.forEach(e -> received.add(e.data()));
            lastId = got.getLast().lastEventId();
            MultiNodeTest.kill(doomed);
        }
        for (int i = 0; i < 40; i++) { // while the client is away
            onSurvivor.get(i % 20).publish("after " + i);
        }
        try (var resumed = SseTestClient.open(survivor.uri("/feed?" + query), Map.of("Last-Event-ID", lastId))) {
            resumed.next(40, WAIT).forEach(e -> received.add(e.data()));
            onSurvivor.get(5).publish("live");
            assertThat(resumed.next(WAIT).data()).isEqualTo("live");
        }
        List<String> expected = new ArrayList<>();
        IntStream.range(0, 40).forEach(i -> expected.add("before " + i));
        expected.add("to two");
        IntStream.range(0, 40).forEach(i -> expected.add("after " + i));
        assertThat(received).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(gaps).as("no topic needed its gap policy").isEmpty();
    }

    @Test
    void aTopicIsReadOnlyWhileItHasSubscribersAndCatchesUpWhenItHasThemAgain() throws Exception {
        Spout a = node("spout-a", b -> b.unfollowAfter(Duration.ofMillis(100)));
        Spout b = node("spout-b", b2 -> b2);
        RedisBroker brokerOfA = brokers.get(0);
        String lastId;
        try (var client = SseTestClient.open(a.uri("/users/ann"))) {
            Await.until("subscribed", () -> a.topic("user/ann").subscribers() == 1, WAIT);
            assertThat(brokerOfA.stats().following()).isEqualTo(1);
            b.topic("user/ann").publish("one");
            lastId = client.next(WAIT).lastEventId();
        }
        Await.value("topics node a reads", () -> brokerOfA.stats().following(), 0, WAIT);
        long receivedThen = brokerOfA.stats().received();
        for (int i = 0; i < 5; i++) {
            b.topic("user/ann").publish("missed " + i);
        }
        assertThat(brokerOfA.stats().received()).as("node a no longer reads it").isEqualTo(receivedThen);
        try (var back = SseTestClient.open(a.uri("/users/ann"), Map.of("Last-Event-ID", lastId))) {
            assertThat(back.next(5, WAIT))
                    .extracting(Event::data)
                    .containsExactly("missed 0", "missed 1", "missed 2", "missed 3", "missed 4");
        }
        assertThat(gaps).isEmpty();
    }

    @Test
    void eventsRedisTrimmedWhileANodeWasNotReadingAreAGapNeverSkippedSilently() throws Exception {
        Spout a = node("spout-a", b -> b.unfollowAfter(Duration.ofMillis(100)).maxLength(10));
        Spout b = node("spout-b", b2 -> b2.maxLength(10));
        String lastId;
        try (var client = SseTestClient.open(a.uri("/users/bob"))) {
            Await.until("subscribed", () -> a.topic("user/bob").subscribers() == 1, WAIT);
            b.topic("user/bob").publish("first");
            lastId = client.next(WAIT).lastEventId();
        }
        Await.value("topics node a reads", () -> brokers.get(0).stats().following(), 0, WAIT);
        for (int i = 0; i < 500; i++) { // far more than the stream keeps (about 10, trimmed in whole nodes)
            b.topic("user/bob").publish("later " + i);
        }
        try (var back = SseTestClient.open(a.uri("/users/bob"), Map.of("Last-Event-ID", lastId))) {
            Event next = back.next(WAIT);
            assertThat(next.data()).startsWith("later ").isNotEqualTo("later 0");
        }
        assertThat(gaps).as("the client was told through the gap policy").hasSize(1);
        assertThat(gaps.getFirst().lastEventId()).isEqualTo(lastId);
    }

    /**
     * A partition between one node and Redis: what is published meanwhile (and nothing after it, so no later message
     * can reveal the gap) reaches that node's clients once it is back, read from the streams.
     */
    @Test
    void aNodeCutOffFromRedisCatchesUpEveryTopicWhenItIsBack() throws Exception {
        try (var partition = new LoopbackProxy(redis.port())) {
            Spout a = node("spout-a", "redis://127.0.0.1:" + partition.port(), b -> b);
            Spout b = node("spout-b", b2 -> b2);
            int topics = 100;
            List<SseTestClient> clients = inboxes(topics, i -> a);
            try {
                for (int i = 0; i < topics; i++) {
                    b.topic("user/" + i).publish("before");
                }
                for (SseTestClient client : clients) {
                    assertThat(client.next(WAIT).data()).isEqualTo("before");
                }
                partition.cut();
                for (int i = 0; i < topics; i++) {
                    b.topic("user/" + i).publish("while cut off");
                }
                partition.restore();
                for (SseTestClient client : clients) {
                    assertThat(client.next(WAIT).data()).isEqualTo("while cut off");
                }
            } finally {
                clients.forEach(SseTestClient::close);
            }
        }
    }

    @Test
    void everyTopicDeliversAgainAfterRedisRestarts() throws Exception {
        Spout a = node("spout-a", b -> b);
        Spout b = node("spout-b", b2 -> b2);
        int topics = 100;
        List<SseTestClient> clients = inboxes(topics, i -> i % 2 == 0 ? a : b);
        try {
            redis.stop();
            redis.restart();
            for (int i = 0; i < topics; i++) {
                MultiNodeTest.awaitPublish(a.topic("user/" + i), "after the restart");
            }
            for (SseTestClient client : clients) {
                assertThat(client.next(WAIT).data()).isEqualTo("after the restart");
            }
        } finally {
            clients.forEach(SseTestClient::close);
        }
    }

    @Test
    void theStreamOfATopicNobodyPublishesToAnyMoreExpires() throws Exception {
        Spout a = node("spout-a", b -> b.keyTtl(Duration.ofMillis(500)));
        a.topic("user/gone").publish("last words");
        String key = "spout:user/gone";
        assertThat(inspect.sync().pttl(key)).as("a time to live").isBetween(1L, 500L);
        Await.value("the stream exists", () -> inspect.sync().exists(key), 0L, WAIT);
    }
}
