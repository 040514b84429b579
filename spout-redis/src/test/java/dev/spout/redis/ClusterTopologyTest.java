package dev.spout.redis;

import static dev.spout.redis.ClusterNodes.ROOMS;
import static dev.spout.redis.ClusterNodes.WAIT;
import static dev.spout.redis.ClusterNodes.awaitSubscribers;
import static dev.spout.redis.ClusterNodes.room;
import static dev.spout.redis.ClusterNodes.stream;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spout.server.Spout;
import dev.spout.testkit.SseTestClient;
import dev.spout.testkit.SseTestClient.Event;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A Redis Cluster that changes under Spout nodes: a master that restarts (its shard channels subscribed again, one by
 * one, and the topics caught up), a slot that moves to another master (Redis ends its shard channels' subscriptions;
 * the node subscribes again, at the new master). A master that fails over to its replica: {@link ClusterFailoverTest}.
 */
class ClusterTopologyTest {
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
    void deliveryGoesOnWhenAMasterRestartsAndPublishesToItsSlotsFailLoudlyMeanwhile() throws Exception {
        Spout a = spout.node("spout-a", 1024);
        Spout b = spout.node("spout-b", 1024);
        List<SseTestClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < ROOMS; i++) {
                clients.add(SseTestClient.open(b.uri("/rooms/" + i)));
                awaitSubscribers(b.topic(room(i)), 1);
                a.topic(room(i)).publish("before");
            }
            for (SseTestClient client : clients) {
                assertThat(client.next(WAIT).data()).isEqualTo("before");
            }
            int restarted = spout.cluster.ports().get(1);
            List<String> itsRooms = spout.cluster.keysByMaster("spout:{room/*}").get(restarted);
            String oneOfItsRooms = itsRooms.getFirst()
                    .substring("spout:{".length(), itsRooms.getFirst().length() - 1);
            spout.cluster.stop(restarted);
            assertThatThrownBy(() -> a.topic(oneOfItsRooms).publish("lost?")).isInstanceOf(RuntimeException.class);
            spout.cluster.restart(restarted);
            for (int i = 0; i < ROOMS; i++) {
                MultiNodeTest.awaitPublish(a.topic(room(i)), "after");
            }
            for (SseTestClient client : clients) {
                Event after = client.next(WAIT);
                assertThat(after.data()).isEqualTo("after");
            }
            assertThat(clients)
                    .allSatisfy(client -> assertThat(client.pending()).isEmpty());
        } finally {
            clients.forEach(SseTestClient::close);
        }
    }

    @Test
    void aTopicWhoseSlotMovesToAnotherMasterGoesOn() throws Exception {
        Spout a = spout.node("spout-a", 1024);
        Spout b = spout.node("spout-b", 1024);
        try (var client = SseTestClient.open(a.uri("/rooms/0"))) {
            awaitSubscribers(a.topic(room(0)), 1);
            b.topic(room(0)).publish("before");
            assertThat(client.next(WAIT).data()).isEqualTo("before");
            int from = spout.masterOf(stream(room(0)));
            int to = spout.cluster.ports().stream()
                    .filter(p -> p != from)
                    .findFirst()
                    .orElseThrow();

            spout.cluster.moveSlot(stream(room(0)), from, to);

            assertThat(spout.masterOf(stream(room(0)))).isEqualTo(to);
            MultiNodeTest.awaitPublish(b.topic(room(0)), "after");
            assertThat(client.next(WAIT).data()).isEqualTo("after");
            b.topic(room(0)).publish("later");
            assertThat(client.next(WAIT).data()).isEqualTo("later");
        }
        assertThat(spout.gaps).isEmpty();
    }
}
