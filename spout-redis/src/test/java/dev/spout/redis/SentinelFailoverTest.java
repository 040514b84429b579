package dev.spout.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spout.engine.topic.Replay;
import dev.spout.engine.topic.ReplayGap;
import dev.spout.engine.topic.Subscription;
import dev.spout.engine.topic.Topic;
import dev.spout.server.Spout;
import dev.spout.sse.SseEvent;
import dev.spout.testkit.Await;
import dev.spout.testkit.SseTestClient;
import io.lettuce.core.Range;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.StreamMessage;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A master behind Sentinel that fails over to its replica, with Spout nodes configured by the Sentinel's URI: killed
 * mid-publish, the Sentinel promotes the replica and the nodes reconnect to it, and every stream goes on, with the
 * same counts as on a cluster ({@link ClusterFailoverTest}). The replica is cut off from its master first, so that the
 * master answers events its replica never gets, as when a replica falls behind: the failover loses them (counted),
 * unless publishes wait for the replica (then none answered is lost). And the failover that loses what the nodes
 * delivered, made exact: a
 * master whose last events never reached its replica (and whose clock ran ahead, so the new master's ids are lower
 * than theirs): every node notices that the stream is not the one it read, ends its streams for the topic's gap
 * policy, and delivers every event of the new master once; a client that resumes with a lost id gets the gap policy,
 * not a silent skip.
 */
class SentinelFailoverTest {
    static final Duration WAIT = Duration.ofSeconds(30);

    ReplicatedRedis redis;
    final List<Spout> nodes = new ArrayList<>();
    final Map<Spout, RedisBroker> brokers = new LinkedHashMap<>();
    final List<ReplayGap> gaps = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        redis = ReplicatedRedis.withSentinel();
    }

    @AfterEach
    void stop() throws Exception {
        nodes.forEach(Spout::close);
        redis.close();
    }

    Spout node(String name) {
        return node(name, UnaryOperator.identity());
    }

    Spout node(String name, UnaryOperator<RedisBrokerBuilder> settings) {
        var broker = settings.apply(RedisBroker.builder(redis.sentinelUri()).clientName(name))
                .build();
        var node = Spout.create(options -> options.broker(broker));
        for (String pattern : List.of("*", "room/*")) {
            node.topicPattern(
                    pattern,
                    topic -> topic.history(1024, Duration.ofMinutes(5)).onReplayGap(gap -> {
                        gaps.add(gap);
                        return Replay.history();
                    }));
        }
        node.subscribe(
                "/topic",
                request -> Subscription.to(
                        node.topic(request.queryParameter("name").orElseThrow())));
        node.start("127.0.0.1", 0);
        nodes.add(node);
        brokers.put(node, broker);
        return node;
    }

    static URI topic(Spout node, String name) {
        return node.uri("/topic?name=" + URLEncoder.encode(name, StandardCharsets.UTF_8));
    }

    @Test
    void everyStreamGoesOnWhenTheMasterIsKilledMidPublishAfterItsReplicaWasCutOffWhatItLostIsCounted()
            throws Exception {
        FailoverCounts counts = failover(
                "Sentinel failover, replica cut off, answered by the master",
                builder -> builder,
                100,
                publisher -> publisher.awaitAcked(publisher.acked().size() + 100, WAIT),
                false);

        assertThat(counts.lostByRedis())
                .as("answered after the cut: not on the replica")
                .isPositive();
        assertThat(counts.skipped())
                .as("events Redis has that a client never got")
                .isZero();
        assertThat(counts.duplicated()).isZero();
        assertThat(counts.resumptions())
                .as("the nodes had delivered lost events: streams ended")
                .isPositive();
    }

    @Test
    void waitingForTheReplicaLosesNoAnsweredEventWhenTheMasterIsKilledAfterItsReplicaWasCutOff() throws Exception {
        FailoverCounts counts = failover(
                "Sentinel failover, replica cut off, answered once the replica had it",
                builder -> builder.waitForReplicas(1, Duration.ofMillis(200)),
                20, // each waits for the replica through the test's proxy, which sends small packets late
                publisher -> publisher.awaitFailures("NotReplicatedException", 2, WAIT),
                true);

        assertThat(counts.lostByRedis()).isZero();
        assertThat(counts.lost()).isZero();
        assertThat(counts.duplicated()).isZero();
    }

    /**
     * Publishes to three topics from one node, clients on both; once {@code before} are answered, cuts the replica
     * off, waits {@code afterCut}, kills
     * the master, waits for the Sentinel to promote the replica ({@code restart}: then starts the old master again,
     * as the new master's replica), and counts once every client has its topic's last event.
     */
    private FailoverCounts failover(
            String run,
            UnaryOperator<RedisBrokerBuilder> settings,
            int before,
            Consumer<KeyedPublisher> afterCut,
            boolean restart)
            throws Exception {
        Spout a = node("spout-a", settings);
        Spout b = node("spout-b", settings);
        List<String> names = List.of("room/1", "room/2", "room/3");
        Map<String, List<ResumingClient>> clients = new LinkedHashMap<>();
        try {
            for (String name : names) {
                clients.put(name, List.of(ResumingClient.open(topic(a, name)), ResumingClient.open(topic(b, name))));
                Await.until(
                        "subscribers of " + name,
                        () -> a.topic(name).subscribers() == 1 && b.topic(name).subscribers() == 1,
                        WAIT);
            }
            List<KeyedPublisher.Acked> acked;
            String log;
            try (var publisher =
                    KeyedPublisher.start(names.stream().map(a::topic).toList(), WAIT)) {
                publisher.awaitAcked(before, WAIT);
                redis.cutReplicaOff();
                afterCut.accept(publisher);
                long killed = System.nanoTime();
                redis.master.kill();
                redis.awaitFailover(WAIT);
                long promoted = System.nanoTime();
                if (restart) {
                    redis.master.restartAsReplicaOf(redis.replica.port);
                }
                publisher.awaitAcked(publisher.acked().size() + ClusterFailoverTest.BEFORE, WAIT);
                acked = publisher.stop();
                log = "; the replica promoted " + (promoted - killed) / 1_000_000 + " ms after the kill; failed"
                        + " attempts, retried with their keys: " + publisher.failures() + "; replay gaps: "
                        + gaps.size();
            }
            ClusterFailoverTest.awaitLastOfEachTopic(acked, clients);
            Map<String, Set<String>> inRedis = new LinkedHashMap<>();
            for (String name : names) {
                inRedis.put(name, ids(redis.replica, "spout:" + name));
            }
            FailoverCounts counts = FailoverCounts.of(acked, inRedis, clients);
            System.out.println(counts.report(run) + log);
            return counts;
        } finally {
            clients.values().stream().flatMap(List::stream).forEach(ResumingClient::close);
        }
    }

    @Test
    void eventsTheNodesDeliveredThatTheFailoverLostGoToTheGapPolicyAndTheNewMastersComeOnceNeverSkipped()
            throws Exception {
        Spout a = node("spout-a");
        Spout b = node("spout-b");
        List<String> lostIds = new ArrayList<>();
        try (var onA = ResumingClient.open(topic(a, "chat"));
                var onB = ResumingClient.open(topic(b, "chat"))) {
            Await.until(
                    "subscribers on both nodes",
                    () -> a.topic("chat").subscribers() == 1 && b.topic("chat").subscribers() == 1,
                    WAIT);
            for (int i = 0; i < 10; i++) {
                a.topic("chat").publish("e" + i);
            }
            redis.awaitInSync();
            // Three more that the master announces and keeps, but never sends its replica (asynchronous replication
            // at its worst), with ids a minute ahead: a master whose clock ran ahead of its replica's.
            long ahead = System.currentTimeMillis() + 60_000;
            for (int i = 0; i < 3; i++) {
                lostIds.add(appendUnreplicated(redis.master, "spout:chat", ahead + "-" + i, "lost" + i));
            }
            for (ResumingClient client : List.of(onA, onB)) {
                client.await("the events the failover will lose", data -> data.contains("lost2"), WAIT);
            }

            redis.master.kill();
            redis.awaitFailover(WAIT);
            List<String> after = new ArrayList<>();
            for (int i = 0; i < 10; i++) { // on the new master, whose ids are lower than the lost ones
                after.add(publishOnceRetrying(b.topic("chat"), "f" + i));
            }
            assertThat(StreamEntryIds.compare(after.getLast(), lostIds.getFirst()))
                    .as("the new master's ids are below those the nodes delivered")
                    .isNegative();

            List<String> expected = new ArrayList<>();
            IntStream.range(0, 10).forEach(i -> expected.add("e" + i));
            IntStream.range(0, 3).forEach(i -> expected.add("lost" + i));
            IntStream.range(0, 10).forEach(i -> expected.add("f" + i));
            for (ResumingClient client : List.of(onA, onB)) {
                client.await("every event of the new master", data -> data.contains("f9"), WAIT);
                assertThat(client.data())
                        .as("each event once, in order: none skipped, none twice")
                        .containsExactlyElementsOf(expected);
                assertThat(client.resumptions())
                        .as("the stream ended, for the gap policy")
                        .isPositive();
            }
            for (RedisBroker broker : brokers.values()) {
                assertThat(broker.stats().losses()).as("each node noticed").isPositive();
            }
        }

        // A client that had only the first lost event resumes with its id: the gap policy decides, never a skip.
        gaps.clear();
        try (var late = SseTestClient.open(topic(b, "chat"), Map.of("Last-Event-ID", lostIds.getFirst()))) {
            assertThat(late.next(10, WAIT).stream().map(SseTestClient.Event::data))
                    .containsExactlyElementsOf(
                            IntStream.range(0, 10).mapToObj(i -> "f" + i).toList());
            assertThat(gaps).extracting(ReplayGap::lastEventId).containsExactly(lostIds.getFirst());
        }
    }

    /**
     * Appends an event to the stream and announces it as the publish script does, but replicates none of it (Redis's
     * {@code redis.set_repl}): what a master has answered and delivered when it dies before its replica got it.
     */
    private static String appendUnreplicated(RedisProcess master, String stream, String id, String data) {
        String script = String.join(
                "\n",
                "redis.set_repl(redis.REPL_NONE)",
                "local last = redis.call('XREVRANGE', KEYS[1], '+', '-', 'COUNT', 1)",
                "local prev = ''",
                "if #last > 0 then prev = last[1][1] end",
                "local id = redis.call('XADD', KEYS[1], ARGV[1], 'data', ARGV[2])",
                "redis.call('PUBLISH', KEYS[1], prev .. '\\n' .. id .. '\\n\\n\\n\\n\\n' .. ARGV[2])",
                "return id");
        return master.ask(redis -> redis.eval(script, ScriptOutputType.VALUE, new String[] {stream}, id, data));
    }

    /** Publishes with a key, retrying with it while the nodes find the new master. */
    private static String publishOnceRetrying(Topic topic, String data) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            try {
                return topic.publishOnce(data, SseEvent.of(data));
            } catch (RuntimeException notYet) {
                if (System.nanoTime() > deadline) {
                    throw notYet;
                }
                Thread.sleep(20);
            }
        }
    }

    private static Set<String> ids(RedisProcess redis, String stream) {
        List<StreamMessage<String, String>> entries = redis.ask(r -> r.xrange(stream, Range.create("-", "+")));
        return entries.stream().map(StreamMessage::getId).collect(Collectors.toCollection(HashSet::new));
    }
}
