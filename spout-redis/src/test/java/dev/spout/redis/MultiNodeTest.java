package dev.spout.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spout.engine.topic.Subscription;
import dev.spout.engine.topic.Topic;
import dev.spout.server.Spout;
import dev.spout.sse.SseEvent;
import dev.spout.testkit.Await;
import dev.spout.testkit.SseTestClient;
import dev.spout.testkit.SseTestClient.Event;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.eclipse.jetty.io.EndPoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Several Spout nodes on one real Redis: one order everywhere, resumption on another node, Redis restarts. */
class MultiNodeTest {
    static final Duration WAIT = Duration.ofSeconds(15);

    RedisServer redis;
    final List<Spout> nodes = new ArrayList<>();
    final Map<Spout, RedisBroker> brokers = new java.util.HashMap<>();

    @BeforeEach
    void startRedis() throws Exception {
        redis = RedisServer.start();
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
        redis.close();
    }

    Spout node(Consumer<dev.spout.engine.topic.TopicOptions> topicOptions) {
        var broker = RedisBroker.builder(redis.uri()).build();
        var node = Spout.create(options -> options.broker(broker));
        brokers.put(node, broker);
        node.sse("/chat", node.topic("chat", topicOptions));
        node.subscribe(
                "/labelled",
                request -> { // ?label=x: the chat's events labelled x
                    String wanted = request.queryParameter("label").orElse("");
                    return Subscription.to(node.topic("chat")).filtered(labels -> labels.contains(wanted));
                });
        node.start("127.0.0.1", 0);
        nodes.add(node);
        return node;
    }

    Spout node() {
        return node(t -> {});
    }

    static URI uri(Spout node) {
        return node.uri("/chat");
    }

    static void awaitSubscribers(Topic topic, int count) {
        Await.until("at least " + count + " subscribers of " + topic.name(), () -> topic.subscribers() >= count, WAIT);
    }

    @Test
    void clientsOnEveryNodeGetEveryEventInOneOrder() throws Exception {
        List<Spout> cluster = List.of(node(), node(), node());
        List<SseTestClient> clients = new ArrayList<>();
        for (Spout node : cluster) {
            clients.add(SseTestClient.open(uri(node)));
            clients.add(SseTestClient.open(uri(node)));
            awaitSubscribers(node.topic("chat"), 2);
        }
        int perNode = 100;
        try (var publishers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int n = 0; n < cluster.size(); n++) {
                Spout node = cluster.get(n);
                int nodeIndex = n;
                publishers.submit(() -> {
                    for (int i = 0; i < perNode; i++) {
                        node.topic("chat").publish("node" + nodeIndex + "-" + i);
                    }
                    return null;
                });
            }
        }
        try {
            List<Event> reference = clients.getFirst().next(3 * perNode, WAIT);
            assertThat(reference).extracting(Event::data).doesNotHaveDuplicates();
            assertThat(reference).allMatch(e -> StreamEntryIds.isStreamId(e.lastEventId()), "Redis stream ids");
            for (int i = 1; i < reference.size(); i++) {
                assertThat(StreamEntryIds.compare(
                                reference.get(i).lastEventId(),
                                reference.get(i - 1).lastEventId()))
                        .isPositive();
            }
            for (SseTestClient client : clients.subList(1, clients.size())) {
                assertThat(client.next(3 * perNode, WAIT)).isEqualTo(reference);
            }
        } finally {
            clients.forEach(SseTestClient::close);
        }
    }

    @Test
    void aClientOfAKilledNodeResumesOnAnotherWithNothingLost() throws Exception {
        Spout doomed = node();
        // The survivor keeps only 5 events itself: what the client missed must come from Redis.
        Spout survivor = node(t -> t.history(5, Duration.ofMinutes(1)));
        Topic onSurvivor = survivor.topic("chat");

        List<String> received = new ArrayList<>();
        String lastId;
        try (var client = SseTestClient.open(uri(doomed))) {
            awaitSubscribers(doomed.topic("chat"), 1);
            for (int i = 1; i <= 20; i++) {
                onSurvivor.publish("e" + i);
            }
            List<Event> before = client.next(20, WAIT);
            before.forEach(e -> received.add(e.data()));
            lastId = before.getLast().lastEventId();

            kill(doomed);
            assertThat(client.awaitEnd(WAIT)).isTrue();
        }
        for (int i = 21; i <= 70; i++) { // published while the client is away: more than the survivor's history
            onSurvivor.publish("e" + i);
        }
        try (var resumed = SseTestClient.open(uri(survivor), Map.of("Last-Event-ID", lastId))) {
            resumed.next(50, WAIT).forEach(e -> received.add(e.data()));
            awaitSubscribers(onSurvivor, 1);
            onSurvivor.publish("e71");
            received.add(resumed.next(WAIT).data());
        }
        assertThat(received)
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 71)
                        .mapToObj(i -> "e" + i)
                        .toList());
    }

    @Test
    void aNodeThatStartsLateCanReplayWhatWasPublishedBeforeIt() throws Exception {
        Spout early = node();
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            ids.add(early.topic("chat").publish("e" + i));
        }
        Spout late = node();
        try (var client = SseTestClient.open(uri(late), Map.of("Last-Event-ID", ids.get(4)))) {
            assertThat(client.next(5, WAIT)).extracting(Event::data).containsExactly("e6", "e7", "e8", "e9", "e10");
        }
    }

    @Test
    void anEventsReconnectionDelayCrossesNodesLiveAndReplayed() throws Exception {
        Spout a = node();
        Spout b = node();
        var slow = SseEvent.of("wait").withEvent("patch").withRetry(Duration.ofMillis(2500));
        String first;
        try (var live = SseTestClient.open(uri(b))) {
            awaitSubscribers(b.topic("chat"), 1);
            first = a.topic("chat").publish(slow);
            assertThat(live.next(WAIT)).isEqualTo(new Event("patch", "wait", first));
            assertThat(live.retries()).containsExactly(2500L);
        }
        a.topic("chat").publish(slow.withRetry(Duration.ofMillis(40)).withData("later"));
        try (var replayed = SseTestClient.open(uri(node()), Map.of("Last-Event-ID", first))) {
            assertThat(replayed.next(WAIT).data()).isEqualTo("later");
            assertThat(replayed.retries()).containsExactly(40L);
        }
    }

    @Test
    void labelsCrossNodesSoEveryNodeFiltersLiveAndReplayedEvents() throws Exception {
        Spout a = node();
        Spout b = node();
        String first;
        try (var books = SseTestClient.open(b.uri("/labelled?label=books"))) {
            awaitSubscribers(b.topic("chat"), 1);
            first = a.topic("chat").publish(SseEvent.of("dune"), List.of("books", ""));
            a.topic("chat").publish(SseEvent.of("alien"), List.of("films"));
            a.topic("chat").publish("unlabelled");
            String last = a.topic("chat").publish(SseEvent.of("solaris"), List.of("", "books"));
            assertThat(books.next(2, WAIT))
                    .containsExactly(new Event("message", "dune", first), new Event("message", "solaris", last));
        }
        try (var replayed = SseTestClient.open(node().uri("/labelled?label=films"), Map.of("Last-Event-ID", first))) {
            assertThat(replayed.next(WAIT).data()).isEqualTo("alien");
            assertThat(replayed.pending()).isEmpty();
        }
    }

    @Test
    void deliveryResumesAfterRedisRestartsAndPublishesDuringTheOutageFailLoudly() throws Exception {
        Spout a = node();
        Spout b = node();
        try (var client = SseTestClient.open(uri(b))) {
            awaitSubscribers(b.topic("chat"), 1);
            a.topic("chat").publish("before");
            assertThat(client.next(WAIT).data()).isEqualTo("before");

            redis.stop();
            assertThatThrownBy(() -> a.topic("chat").publish("lost?")).isInstanceOf(RuntimeException.class);
            redis.restart();

            String id = awaitPublish(a.topic("chat"), "after");
            Event after = client.next(WAIT);
            assertThat(after.data()).isEqualTo("after");
            assertThat(after.lastEventId()).isEqualTo(id);
            assertThat(client.pending()).isEmpty();
        }
        RedisStats stats = brokers.get(a).stats();
        assertThat(stats.publishFailures()).isGreaterThanOrEqualTo(1);
    }

    /** Publishes once Redis takes writes again (the client reconnects in the background), within the wait. */
    static String awaitPublish(Topic topic, String data) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            try {
                return topic.publish(data);
            } catch (RuntimeException notYet) {
                if (System.nanoTime() > deadline) {
                    throw notYet;
                }
                Thread.sleep(50);
            }
        }
    }

    /** A node dies: its connections are cut without a clean end, then it is gone. */
    static void kill(Spout node) {
        for (var connector : node.jetty().getConnectors()) {
            connector.getConnectedEndPoints().forEach(EndPoint::close);
        }
        node.close();
    }
}
