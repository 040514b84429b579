package dev.spout.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spout.engine.topic.Subscription;
import dev.spout.engine.topic.Topic;
import dev.spout.server.Spout;
import dev.spout.sse.SseEvent;
import dev.spout.testkit.Await;
import dev.spout.testkit.SseTestClient;
import dev.spout.testkit.SseTestClient.Event;
import io.lettuce.core.Range;
import io.lettuce.core.RedisClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Publishes waiting behind those in flight: each topic's events reach Redis in the order they were published, the
 * bytes they hold are bounded, and the node's reads (a topic followed, a client resuming from Redis) never wait
 * behind them.
 */
class PublishBacklogTest {
    static final Duration WAIT = Duration.ofSeconds(30);

    RedisServer redis;
    Spout node;
    RedisBroker broker;

    @BeforeEach
    void start() throws Exception {
        redis = RedisServer.start();
    }

    @AfterEach
    void stop() throws Exception {
        if (node != null) {
            node.close();
        }
        redis.close();
    }

    void node(UnaryOperator<RedisBrokerBuilder> settings) {
        broker = settings.apply(RedisBroker.builder(redis.uri())).build();
        node = Spout.create(options -> options.broker(broker));
        node.topicPattern("user/*", t -> t.history(1_000, Duration.ofMinutes(1)));
        node.subscribe(
                "/users/{id}",
                request -> Subscription.to(
                        node.topic("user/" + request.pathParameter("id").orElseThrow())));
        node.start("127.0.0.1", 0);
    }

    SseTestClient follow(String user, Map<String, String> headers) {
        var client = SseTestClient.open(node.uri("/users/" + user), headers);
        Await.until(user + " follows", () -> node.topic("user/" + user).subscribers() == 1, WAIT);
        return client;
    }

    @Test
    void eachTopicsEventsReachRedisInTheOrderTheyWerePublishedFromEveryThread() throws Exception {
        node(b -> b.maxPublishesInFlight(16)); // most of them wait their turn
        int threads = 4;
        int topicsEach = 5;
        int perTopic = 500;
        List<SseTestClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < threads * topicsEach; i++) {
                clients.add(follow("o" + i, Map.of()));
            }
            List<CompletableFuture<String>> published = new ArrayList<>();
            try (var publishers = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<List<CompletableFuture<String>>>> each = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int first = t * topicsEach;
                    each.add(publishers.submit(() -> {
                        List<CompletableFuture<String>> mine = new ArrayList<>();
                        for (int n = 0; n < perTopic; n++) { // round-robin over this thread's topics
                            for (int i = first; i < first + topicsEach; i++) {
                                mine.add(node.topic("user/o" + i).publishAsync(SseEvent.of(Integer.toString(n))));
                            }
                        }
                        return mine;
                    }));
                }
                for (var mine : each) {
                    published.addAll(mine.get());
                }
            }
            CompletableFuture.allOf(published.toArray(CompletableFuture[]::new))
                    .get(WAIT.toSeconds(), TimeUnit.SECONDS);
            List<String> expected =
                    IntStream.range(0, perTopic).mapToObj(Integer::toString).toList();
            for (SseTestClient client : clients) {
                assertThat(client.next(perTopic, WAIT)).extracting(Event::data).containsExactlyElementsOf(expected);
            }
        } finally {
            clients.forEach(SseTestClient::close);
        }
    }

    /**
     * With tens of thousands of publishes waiting (one in flight at a time, so they last), a client resuming from
     * further back than the node's history gets what it missed from Redis, and a new topic is followed, while the
     * publishes still wait.
     */
    @Test
    void readsAndSubscriptionsDoNotWaitBehindABacklogOfPublishes() throws Exception {
        node(b -> b.maxPublishesInFlight(1)
                .maxPublishesWaiting(200_000, 256L << 20)
                .preload(5));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ids.add(node.topic("user/quiet").publish("quiet " + i)); // nobody follows it yet: no history here
        }
        Topic busy = node.topic("user/busy");
        List<CompletableFuture<String>> backlog = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            backlog.add(busy.publishAsync(SseEvent.of("busy " + i)));
        }
        assertThat(broker.stats().publishesWaiting()).as("publishes waiting").isGreaterThan(1_000);

        long started = System.nanoTime();
        try (var resumed = follow("quiet", Map.of("Last-Event-ID", ids.getFirst()));
                var fresh = follow("fresh", Map.of())) {
            List<Event> missed = resumed.next(19, WAIT); // 5 from the node's history, 14 read from Redis
            long tookMillis = (System.nanoTime() - started) / 1_000_000;
            int stillWaiting = broker.stats().publishesWaiting();
            System.out.printf(
                    "backlog figures: resumed and followed in %d ms, %d publishes still waiting%n",
                    tookMillis, stillWaiting);
            assertThat(missed)
                    .extracting(Event::data)
                    .containsExactlyElementsOf(
                            IntStream.range(1, 20).mapToObj(i -> "quiet " + i).toList());
            assertThat(stillWaiting)
                    .as("publishes still waiting when the reads were done")
                    .isGreaterThan(0);
            assertThat(fresh.isEnded()).isFalse();
        }
        Await.until("the backlog sent", () -> backlog.stream().allMatch(CompletableFuture::isDone), WAIT);
        assertThat(backlog).noneMatch(CompletableFuture::isCompletedExceptionally);
    }

    /** The bytes held are bounded too: big events are refused once the bound is reached, never one alone. */
    @Test
    void publishesPastTheBytesBoundAreRefusedAndThoseTakenKeepTheirOrder() throws Exception {
        node(b -> b.maxPublishesInFlight(1).maxPublishesWaiting(100_000, 64 * 1024));
        String kilobyte = "x".repeat(1024);
        Topic big = node.topic("user/big");
        assertThat(big.publish("alone " + "y".repeat(100 * 1024)))
                .as("an event bigger than the bound, alone")
                .isNotEmpty();
        List<CompletableFuture<String>> published = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            published.add(big.publishAsync(SseEvent.of(i + " " + kilobyte)));
        }
        Await.until("every publish answered", () -> published.stream().allMatch(CompletableFuture::isDone), WAIT);

        Map<String, Integer> failures = PublishBurstTest.failures(published);
        assertThat(failures.keySet())
                .containsExactly(
                        "TooManyPublishesException: Redis is behind: the publishes waiting and in flight already"
                                + " hold 65536 bytes of events; this event was refused and nothing of it written: publish it"
                                + " again later, or publish more slowly (RedisBrokerBuilder.maxPublishesWaiting)");
        List<String> taken = IntStream.range(0, published.size())
                .filter(i -> !published.get(i).isCompletedExceptionally())
                .mapToObj(i -> i + " " + kilobyte)
                .toList();
        assertThat(taken.size()).as("taken: about 64 KiB's worth at first").isGreaterThanOrEqualTo(60);
        try (var admin = RedisClient.create(redis.uri());
                var inspect = admin.connect()) {
            List<String> inRedis = inspect.sync().xrange("spout:user/big", Range.create("-", "+")).stream()
                    .map(entry -> entry.getBody().get("data"))
                    .skip(1) // the one alone
                    .toList();
            assertThat(inRedis).as("what Redis has, in the order published").containsExactlyElementsOf(taken);
        }
    }
}
