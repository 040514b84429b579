package dev.spout.redis;

import static dev.spout.redis.ClusterNodes.ROOMS;
import static dev.spout.redis.ClusterNodes.awaitSubscribers;
import static dev.spout.redis.ClusterNodes.room;
import static dev.spout.redis.ClusterNodes.stream;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spout.engine.topic.Topic;
import dev.spout.server.Spout;
import dev.spout.sse.SseEvent;
import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A master of a real Redis Cluster (three masters, a replica each) killed mid-publish (SIGKILL, as a crash), its
 * replica promoted: two Spout nodes, clients on each of the topics of that master and of one topic elsewhere, and a
 * publisher that goes on throughout, retrying each failed publish with its idempotency key. Every stream goes on after
 * the promotion; for every event a publish answered, each client got it once, or Redis's asynchronous replication
 * lost it (counted, and reported in the test's output); none is delivered twice. Waiting for a replica closes the
 * loss: then no answered event is lost.
 */
class ClusterFailoverTest {
    static final Duration WAIT = Duration.ofSeconds(30);
    static final int BEFORE = 150; // events answered before the kill, and again after the promotion

    ClusterNodes spout;

    @BeforeEach
    void start() throws Exception {
        spout = ClusterNodes.withReplicas();
    }

    @AfterEach
    void stop() throws Exception {
        spout.close();
    }

    @Test
    void everyStreamGoesOnWhenAMasterIsKilledMidPublishAndItsReplicaTakesOverNothingDeliveredTwice() throws Exception {
        FailoverCounts counts = failover("cluster failover, answered by the master", builder -> builder, false);

        assertThat(counts.skipped())
                .as("events Redis has that a client never got")
                .isZero();
        assertThat(counts.duplicated()).isZero();
    }

    @Test
    void waitingForAReplicaLosesNoAnsweredEventWhenItsMasterIsKilled() throws Exception {
        FailoverCounts counts = failover(
                "cluster failover, answered once a replica had it",
                builder -> builder.waitForReplicas(1, Duration.ofMillis(500)),
                true);

        assertThat(counts.lostByRedis()).isZero();
        assertThat(counts.lost()).isZero();
        assertThat(counts.duplicated()).isZero();
    }

    /**
     * A room's first event. With {@code waitForReplicas}, a replica that has only just synced on a busy machine may not
     * confirm it in time ({@link NotReplicatedException}): as docs/redis.md tells publishers, it is published again with
     * its idempotency key, a few times at most, and is in the room once.
     */
    private static void publishBeforeThePublisher(Topic room) {
        for (int attempt = 1; ; attempt++) {
            try {
                room.publishOnce("before the publisher", SseEvent.of("before the publisher"));
                return;
            } catch (NotReplicatedException late) {
                if (attempt == 5) {
                    throw late;
                }
            }
        }
    }

    /**
     * Kills the first master mid-publish and counts; {@code restart}: starts it again after the promotion, so that it
     * comes back as the new master's replica (which publishes that wait for a replica need).
     */
    private FailoverCounts failover(String run, UnaryOperator<RedisBrokerBuilder> settings, boolean restart)
            throws Exception {
        Spout a = spout.node("spout-a", 1024, settings);
        Spout b = spout.node("spout-b", 1024, settings);
        for (int i = 0; i < ROOMS; i++) { // every room's stream made, so that where each lives can be asked
            publishBeforeThePublisher(a.topic(room(i)));
        }
        int doomed = spout.cluster.ports().getFirst();
        int replica = spout.cluster.replicaOf(doomed);
        Map<Integer, List<String>> where = spout.cluster.keysByMaster("spout:{room/*}");
        List<String> names = new ArrayList<>(where.get(doomed).stream()
                .map(key -> key.substring("spout:{".length(), key.length() - 1))
                .toList());
        assertThat(names).as("rooms on the master that dies").isNotEmpty();
        String elsewhere = where.get(spout.cluster.ports().get(1)).getFirst();
        names.add(elsewhere.substring("spout:{".length(), elsewhere.length() - 1)); // a room that does not move

        Map<String, List<ResumingClient>> clients = new LinkedHashMap<>();
        try {
            for (String name : names) {
                clients.put(
                        name,
                        List.of(
                                ResumingClient.open(a.uri(ClusterNodes.one(name))),
                                ResumingClient.open(b.uri(ClusterNodes.one(name)))));
                awaitSubscribers(a.topic(name), 1);
                awaitSubscribers(b.topic(name), 1);
            }
            List<Topic> topics = names.stream().map(a::topic).toList();
            List<KeyedPublisher.Acked> acked;
            long killed;
            long promoted;
            Map<String, Integer> failures;
            Map<String, String> examples;
            try (var publisher = KeyedPublisher.start(topics, WAIT)) {
                publisher.awaitAcked(BEFORE, WAIT);
                killed = System.nanoTime();
                spout.cluster.kill(doomed);
                spout.cluster.awaitPromoted(replica, WAIT);
                promoted = System.nanoTime();
                if (restart) { // the new master has no replica until the old one comes back as one
                    spout.cluster.restart(doomed);
                }
                publisher.awaitAcked(publisher.acked().size() + BEFORE, WAIT);
                acked = publisher.stop();
                failures = publisher.failures();
                examples = publisher.examples();
            }
            awaitLastOfEachTopic(acked, clients);
            Map<String, Set<String>> inRedis = new LinkedHashMap<>();
            for (String name : names) {
                inRedis.put(name, idsInRedis(stream(name)));
            }
            FailoverCounts counts = FailoverCounts.of(acked, inRedis, clients);
            System.out.println(counts.report(run) + "; the replica promoted " + (promoted - killed) / 1_000_000
                    + " ms after the kill; failed attempts, retried with their keys: " + failures
                    + " " + examples + "; replay gaps: " + spout.gaps.size());
            assertThat(clients.get(names.getLast()))
                    .as("the room on a master that did not fail: never interrupted")
                    .allSatisfy(client -> assertThat(client.resumptions()).isZero());
            return counts;
        } finally {
            clients.values().stream().flatMap(List::stream).forEach(ResumingClient::close);
        }
    }

    /** Every stream goes on: each client gets the last event answered for its topic, which follows the promotion. */
    static void awaitLastOfEachTopic(List<KeyedPublisher.Acked> acked, Map<String, List<ResumingClient>> clients) {
        clients.forEach((topic, ofTopic) -> {
            String last = acked.stream()
                    .filter(event -> event.topic().equals(topic))
                    .reduce((first, second) -> second)
                    .orElseThrow()
                    .data();
            for (ResumingClient client : ofTopic) {
                client.await(topic + "'s last event, " + last, data -> data.contains(last), WAIT);
            }
        });
    }

    /** The ids the stream has now, asked of the master that holds it. */
    private Set<String> idsInRedis(String key) {
        int master = spout.masterOf(key);
        List<StreamMessage<String, String>> entries =
                spout.cluster.onNode(master, redis -> redis.xrange(key, Range.create("-", "+")));
        return entries.stream().map(StreamMessage::getId).collect(Collectors.toCollection(HashSet::new));
    }
}
