package dev.spout.redis;

import static dev.spout.redis.ClusterNodes.ROOMS;
import static dev.spout.redis.ClusterNodes.WAIT;
import static dev.spout.redis.ClusterNodes.awaitSubscribers;
import static dev.spout.redis.ClusterNodes.feed;
import static dev.spout.redis.ClusterNodes.one;
import static dev.spout.redis.ClusterNodes.room;
import static dev.spout.redis.ClusterNodes.stream;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spout.broker.BrokerHealth;
import dev.spout.engine.topic.Topic;
import dev.spout.server.Spout;
import dev.spout.sse.SseEvent;
import dev.spout.testkit.SseTestClient;
import dev.spout.testkit.SseTestClient.Event;
import io.lettuce.core.cluster.SlotHash;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Spout nodes on a real Redis Cluster of three masters: topics spread over every master, one order on every node,
 * resumption on another node, labels and reconnection delays carried, events of several topics on one slot, and a
 * bounded number of connections.
 */
class ClusterMultiNodeTest {
    ClusterNodes spout;

    @BeforeEach
    void start() throws Exception {
        spout = ClusterNodes.start();
    }

    @AfterEach
    void stop() throws Exception {
        spout.close();
    }

    @Test
    void topicsSpreadOverEveryMasterAndClientsOnEveryNodeGetEveryEventInOneOrder() throws Exception {
        Spout a = spout.node("spout-a", 1024);
        Spout b = spout.node("spout-b", 1024);
        Map<Integer, List<SseTestClient>> clients = new HashMap<>();
        for (int i = 0; i < ROOMS; i++) {
            clients.put(i, List.of(SseTestClient.open(a.uri("/rooms/" + i)), SseTestClient.open(b.uri("/rooms/" + i))));
            awaitSubscribers(a.topic(room(i)), 1);
            awaitSubscribers(b.topic(room(i)), 1);
        }
        int perNode = 20;
        try {
            try (var publishers = Executors.newVirtualThreadPerTaskExecutor()) {
                for (Spout node : List.of(a, b)) {
                    for (int i = 0; i < ROOMS; i++) {
                        Topic topic = node.topic(room(i));
                        String from = node == a ? "a" : "b";
                        publishers.submit(() -> {
                            for (int n = 0; n < perNode; n++) {
                                topic.publish(from + n);
                            }
                            return null;
                        });
                    }
                }
            }
            for (int i = 0; i < ROOMS; i++) {
                List<Event> onA = clients.get(i).get(0).next(2 * perNode, WAIT);
                assertThat(onA).extracting(Event::data).doesNotHaveDuplicates();
                for (int n = 1; n < onA.size(); n++) {
                    assertThat(StreamEntryIds.compare(
                                    onA.get(n).lastEventId(), onA.get(n - 1).lastEventId()))
                            .isPositive();
                }
                assertThat(clients.get(i).get(1).next(2 * perNode, WAIT))
                        .as("room %d on node b, in node a's order", i)
                        .isEqualTo(onA);
            }
        } finally {
            clients.values().stream().flatMap(List::stream).forEach(SseTestClient::close);
        }
        Map<Integer, List<String>> where = spout.cluster.keysByMaster("spout:{room/*}");
        assertThat(where.values())
                .as("every master holds some rooms' streams")
                .allSatisfy(keys -> assertThat(keys).isNotEmpty());
        assertThat(where.values().stream().flatMap(Collection::stream))
                .containsExactlyInAnyOrderElementsOf(
                        IntStream.range(0, ROOMS).mapToObj(i -> stream(room(i))).toList());
    }

    @Test
    void aStreamOfTopicsOnEveryMasterResumesExactlyOnAnotherNode() throws Exception {
        Spout doomed = spout.node("spout-a", 1024);
        Spout survivor = spout.node("spout-b", 5); // what the client missed comes from Redis
        List<String> names = new ArrayList<>(
                IntStream.range(0, ROOMS).mapToObj(ClusterNodes::room).toList());
        names.addAll(List.of("pair/{7}/a", "pair/{7}/b")); // one hash tag: one slot, so one event may go to both
        String query = feed(names);
        List<Topic> onSurvivor = names.stream().map(survivor::topic).toList();
        List<String> received = new ArrayList<>();
        String lastId;
        try (var client = SseTestClient.open(doomed.uri(query))) {
            awaitSubscribers(doomed.topic("pair/{7}/b"), 1);
            for (int i = 0; i < 3 * ROOMS; i++) {
                onSurvivor.get(i % ROOMS).publish("before " + i);
            }
            survivor.publish(SseEvent.of("to two"), onSurvivor.subList(ROOMS, ROOMS + 2));
            List<Event> got = client.next(3 * ROOMS + 1, WAIT);
            got.forEach(e -> received.add(e.data()));
            lastId = got.getLast().lastEventId();
            MultiNodeTest.kill(doomed);
        }
        for (int i = 0; i < 3 * ROOMS; i++) { // while the client is away
            onSurvivor.get(i % ROOMS).publish("after " + i);
        }
        try (var resumed = SseTestClient.open(survivor.uri(query), Map.of("Last-Event-ID", lastId))) {
            resumed.next(3 * ROOMS, WAIT).forEach(e -> received.add(e.data()));
            awaitSubscribers(onSurvivor.get(5), 1);
            onSurvivor.get(5).publish("live");
            assertThat(resumed.next(WAIT).data()).isEqualTo("live");
        }
        List<String> expected = new ArrayList<>();
        IntStream.range(0, 3 * ROOMS).forEach(i -> expected.add("before " + i));
        expected.add("to two");
        IntStream.range(0, 3 * ROOMS).forEach(i -> expected.add("after " + i));
        assertThat(received).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(spout.gaps).as("no topic needed its gap policy").isEmpty();
    }

    @Test
    void labelsAndReconnectionDelaysCrossNodesLiveAndReplayed() throws Exception {
        Spout a = spout.node("spout-a", 1024);
        Spout b = spout.node("spout-b", 1024);
        Topic onA = a.topic(room(3));
        var slow = SseEvent.of("dune").withEvent("patch").withRetry(Duration.ofMillis(2500));
        String first;
        try (var books = SseTestClient.open(b.uri("/rooms/3?label=books"))) {
            awaitSubscribers(b.topic(room(3)), 1);
            first = onA.publish(slow, List.of("books", ""));
            onA.publish(SseEvent.of("alien").withRetry(Duration.ofMillis(40)), List.of("films"));
            onA.publish("unlabelled");
            String last = onA.publish(SseEvent.of("solaris"), List.of("", "books"));
            assertThat(books.next(2, WAIT))
                    .containsExactly(new Event("patch", "dune", first), new Event("message", "solaris", last));
            assertThat(books.retries()).containsExactly(2500L);
        }
        try (var films = SseTestClient.open(
                spout.node("spout-c", 1024).uri("/rooms/3?label=films"), Map.of("Last-Event-ID", first))) {
            assertThat(films.next(WAIT).data()).isEqualTo("alien");
            assertThat(films.retries()).containsExactly(40L);
            assertThat(films.pending()).isEmpty();
        }
    }

    @Test
    void anEventOfSeveralTopicsNeedsThemOnOneSlotAndThenHasOneIdInAll() throws Exception {
        Spout a = spout.node("spout-a", 1024);
        Spout b = spout.node("spout-b", 1024);
        try (var inbox = SseTestClient.open(b.uri(one("user/{42}/inbox")));
                var alerts = SseTestClient.open(b.uri(one("user/{42}/alerts")))) {
            awaitSubscribers(b.topic("user/{42}/inbox"), 1);
            awaitSubscribers(b.topic("user/{42}/alerts"), 1);
            String id =
                    a.publish(SseEvent.of("both"), List.of(a.topic("user/{42}/inbox"), a.topic("user/{42}/alerts")));
            assertThat(inbox.next(WAIT)).isEqualTo(new Event("message", "both", id));
            assertThat(alerts.next(WAIT)).isEqualTo(new Event("message", "both", id));
        }
        assertThat(spout.cluster.keysByMaster("spout:user/{42}/*").values())
                .as("the keys keep the topics' own hash tag")
                .anySatisfy(keys ->
                        assertThat(keys).containsExactlyInAnyOrder("spout:user/{42}/inbox", "spout:user/{42}/alerts"));

        List<Topic> apart = List.of(a.topic(room(0)), a.topic(room(1)));
        assertThatThrownBy(() -> a.publish(SseEvent.of("refused"), apart))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("room/0")
                .hasMessageContaining("room/1")
                .hasMessageContaining("hash tag");
        assertThat(spout.cluster.keysByMaster("spout:{room/*}").values())
                .as("nothing written for a refused event")
                .allSatisfy(keys -> assertThat(keys).isEmpty());
    }

    @Test
    void aNodeHoldsAFewConnectionsPerMasterHoweverManyTopicsItFollows() throws Exception {
        Spout a = spout.node("spout-a", 1024);
        Spout b = spout.node("spout-b", 1024);
        int topics = 200;
        List<SseTestClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < topics; i++) {
                clients.add(SseTestClient.open(a.uri("/rooms/" + i)));
            }
            for (int i = 0; i < topics; i++) {
                awaitSubscribers(a.topic(room(i)), 1);
                b.topic(room(i)).publish("hello " + i);
            }
            for (int i = 0; i < topics; i++) {
                assertThat(clients.get(i).next(WAIT).data()).isEqualTo("hello " + i);
            }
            assertThat(spout.brokers.get(a).stats().following()).isEqualTo(topics);
            BrokerHealth health = spout.brokers.get(a).health();
            assertThat(health.up()).isTrue();
            assertThat(health.details())
                    .containsEntry("mode", "cluster")
                    .containsEntry("masters", 3L)
                    .containsEntry("ping", "PONG");
            // publishes, reads and pub/sub: one connection each per master, and each one to the node it first reached
            List<String> connections = spout.cluster.clients("spout-a");
            assertThat(connections).as("node a's connections to the cluster").hasSizeBetween(3, 3 * 3 + 3);
        } finally {
            clients.forEach(SseTestClient::close);
        }
    }

    @Test
    void anIdempotencyKeyIsRecordedOnItsTopicsSlotAndARetryOnAnotherNodeAnswersTheFirstId() {
        Spout a = spout.node("spout-a", 1024);
        Spout b = spout.node("spout-b", 1024);
        Set<Integer> masters = new HashSet<>();
        for (int i = 0; i < ROOMS; i++) {
            String key = "order-" + i;
            String first = a.topic(room(i)).publishOnce(key, SseEvent.of("placed " + i));
            assertThat(b.topic(room(i)).publishOnce(key, SseEvent.of("placed " + i)))
                    .isEqualTo(first);
            String record = stream(room(i)) + "\0once\0" + key;
            assertThat(SlotHash.getSlot(record)).isEqualTo(SlotHash.getSlot(stream(room(i))));
            int master = spout.masterOf(record);
            assertThat(master).isEqualTo(spout.masterOf(stream(room(i))));
            masters.add(master);
        }
        assertThat(masters).as("records on every master, each beside its topic").hasSize(3);

        // Several topics on one slot: one script checks and records the key beside each stream.
        String both = a.publishOnce(
                "order-x", SseEvent.of("both"), List.of(a.topic("user/{42}/inbox"), a.topic("user/{42}/alerts")));
        assertThat(b.publishOnce(
                        "order-x",
                        SseEvent.of("both"),
                        List.of(b.topic("user/{42}/alerts"), b.topic("user/{42}/inbox"))))
                .isEqualTo(both);
        assertThat(b.topic("user/{42}/alerts").publishOnce("order-x", SseEvent.of("alerts alone")))
                .isEqualTo(both);
    }
}
