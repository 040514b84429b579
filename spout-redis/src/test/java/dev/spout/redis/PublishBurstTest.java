package dev.spout.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spout.engine.topic.Subscription;
import dev.spout.engine.topic.Topic;
import dev.spout.server.Spout;
import dev.spout.sse.SseEvent;
import dev.spout.testkit.Await;
import dev.spout.testkit.SseTestClient;
import io.lettuce.core.RedisClient;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bursts of {@code publishAsync} on one node, as when a digest goes to every user at once: 10,000 per-user topics
 * each published in one go, once a second, while hundreds of clients open their own topics.
 */
class PublishBurstTest {
    static final int TOPICS = 10_000;
    static final int SUBSCRIBERS = 500;
    static final int BURSTS = 3; // one a second while the clients open, then one more once they all follow
    static final Duration WAIT = Duration.ofSeconds(20); // each wait: together well within the 120 s a test has

    RedisServer redis;
    LogCapture logs;
    Spout node;
    RedisBroker broker;

    @BeforeEach
    void start() throws Exception {
        redis = RedisServer.start();
        logs = new LogCapture();
    }

    @AfterEach
    void stop() throws Exception {
        if (node != null) {
            node.close();
        }
        logs.close();
        redis.close();
    }

    /** A node whose per-user topics are streamed at /users/{id}. */
    void node(UnaryOperator<RedisBrokerBuilder> settings) {
        broker = settings.apply(RedisBroker.builder(redis.uri()).clientName("burst"))
                .build();
        node = Spout.create(options -> options.broker(broker).maxStreamsPerAddress(Integer.MAX_VALUE));
        // Room for more topics than the test has: a topic left empty is reclaimed, and made again by its next publish.
        node.topicPattern("user/*", t -> t.history(8, Duration.ofMinutes(1)).maxTopics(2 * TOPICS));
        node.subscribe(
                "/users/{id}",
                request -> Subscription.to(
                        node.topic("user/" + request.pathParameter("id").orElseThrow())));
        node.start("127.0.0.1", 0);
    }

    /** The longest a burst took, from its first publish to its last answer. */
    final AtomicLong slowestBurstNanos = new AtomicLong();

    List<CompletableFuture<String>> timed(List<CompletableFuture<String>> burst) {
        long started = System.nanoTime();
        CompletableFuture.allOf(burst.toArray(CompletableFuture[]::new))
                .whenComplete(
                        (done, failed) -> slowestBurstNanos.accumulateAndGet(System.nanoTime() - started, Math::max));
        return burst;
    }

    /** One event to every topic, all at once: {@code "<round> <topic>"}. */
    static List<CompletableFuture<String>> burst(List<Topic> topics, int round) {
        List<CompletableFuture<String>> futures = new ArrayList<>(topics.size());
        for (Topic topic : topics) {
            futures.add(topic.publishAsync(SseEvent.of(round + " " + topic.name())));
        }
        return futures;
    }

    @Test
    void burstsToTenThousandTopicsWhileHundredsSubscribeFeedEverySubscriberAndLogNoLinePerEvent() throws Exception {
        node(b -> b);
        List<Topic> topics = IntStream.range(0, TOPICS)
                .mapToObj(i -> node.topic("user/" + i))
                .toList();
        long heapBefore = heapUsed();
        List<CompletableFuture<String>> published = new ArrayList<>();
        List<SseTestClient> clients = new ArrayList<>();
        int refusedToOpen = 0;
        long burstsStarted = System.nanoTime();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<SseTestClient>> opening = new ArrayList<>();
            for (int i = 0; i < SUBSCRIBERS; i++) {
                URI uri = node.uri("/users/" + i);
                opening.add(pool.submit(() -> SseTestClient.open(uri)));
            }
            long next = System.nanoTime();
            for (int round = 0; round < BURSTS; round++) { // once a second, as the digest's scheduler would
                published.addAll(timed(burst(topics, round)));
                next += TimeUnit.SECONDS.toNanos(1);
                LockSupport.parkNanos(next - System.nanoTime());
            }
            for (Future<SseTestClient> open : opening) {
                SseTestClient client = null; // user i is at index i
                try {
                    client = open.get(WAIT.toSeconds(), TimeUnit.SECONDS);
                } catch (ExecutionException failed) {
                    refusedToOpen++;
                }
                if (client != null && client.status() != 200) {
                    client.close();
                    client = null;
                    refusedToOpen++;
                }
                clients.add(client);
            }
        }
        try {
            int opened = SUBSCRIBERS - refusedToOpen;
            waitFor(() -> following() == opened, WAIT);
            int following = following();
            published.addAll(timed(burst(topics, BURSTS))); // every client follows now: each must get this one
            boolean settled = waitFor(() -> published.stream().allMatch(CompletableFuture::isDone), WAIT);
            long burstMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - burstsStarted);
            Map<String, Integer> failures = failures(published);
            int fed = 0;
            long deadline = System.nanoTime() + WAIT.toNanos(); // one bound for all: a starved node fails in time
            for (int i = 0; i < clients.size(); i++) {
                fed += clients.get(i) != null && lastRoundArrives(clients.get(i), "user/" + i, deadline) ? 1 : 0;
            }
            System.out.printf(
                    "burst figures: %d of %d streams opened (%d refused), %d following, %d fed the last round;"
                            + " %d publishes, settled %s in %d ms, the slowest burst in %d ms, failures %s; %d warnings,"
                            + " %d stack traces; heap +%d MiB; %s%n",
                    opened,
                    SUBSCRIBERS,
                    refusedToOpen,
                    following,
                    fed,
                    published.size(),
                    settled,
                    burstMillis,
                    TimeUnit.NANOSECONDS.toMillis(slowestBurstNanos.get()),
                    failures,
                    logs.warnings().size(),
                    logs.stackTraces(),
                    (heapUsed() - heapBefore) >> 20,
                    broker.stats());

            assertThat(opened).as("streams opened").isEqualTo(SUBSCRIBERS);
            assertThat(following).as("streams following their topic").isEqualTo(SUBSCRIBERS);
            assertThat(settled).as("every publish completed").isTrue();
            assertThat(failures).as("publishes that failed, by cause").isEmpty();
            assertThat(fed).as("streams that got the last round").isEqualTo(SUBSCRIBERS);
            assertThat(logs.warnings()).as("warnings: never one per event").hasSizeLessThan(10);
            assertThat(logs.stackTraces()).as("stack traces logged").isZero();
        } finally {
            clients.stream().filter(Objects::nonNull).forEach(SseTestClient::close);
        }
    }

    /**
     * Past its bounds the broker refuses at once: every refused publish fails with one exception that says why, with
     * nothing of it written, and the log gets a line a second at most; what it took reaches the subscribers.
     */
    @Test
    void aBurstPastTheBoundsIsRefusedAtOnceWithOneClearErrorAndLoggedOnce() throws Exception {
        node(b -> b.maxPublishesInFlight(10).maxPublishesWaiting(100, 64 << 20));
        List<Topic> topics = IntStream.range(0, TOPICS)
                .mapToObj(i -> node.topic("user/" + i))
                .toList();
        int watched = 100;
        List<SseTestClient> clients = open(watched);
        try {
            long started = System.nanoTime();
            List<CompletableFuture<String>> published = burst(topics, 0);
            Await.until("every publish answered", () -> published.stream().allMatch(CompletableFuture::isDone), WAIT);
            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
            Map<String, Integer> failures = failures(published);
            int refused = failures.values().stream().mapToInt(Integer::intValue).sum();
            System.out.printf("refusal figures: %d of %d refused, %s; %s%n", refused, TOPICS, failures, broker.stats());

            assertThat(failures.keySet())
                    .as("one error for every refusal")
                    .containsExactly("TooManyPublishesException: Redis is behind: 100 publishes already wait behind the"
                            + " 10 in flight; this event was refused and nothing of it written: publish it again"
                            + " later, or publish more slowly (RedisBrokerBuilder.maxPublishesWaiting)");
            assertThat(TOPICS - refused)
                    .as("publishes taken: at least as many as the bounds hold")
                    .isGreaterThanOrEqualTo(110);
            assertThat(broker.stats().publishesRefused()).isEqualTo(refused);
            assertThat(broker.stats().published()).isEqualTo(TOPICS - refused);
            try (var admin = RedisClient.create(redis.uri());
                    var inspect = admin.connect()) {
                assertThat(inspect.sync().dbsize())
                        .as("streams written: one per publish taken")
                        .isEqualTo(TOPICS - refused);
            }
            assertThat(logs.messages(PublishQueue.class.getName()))
                    .as("refusals logged a line a second at most")
                    .hasSizeBetween(1, (int) seconds + 1)
                    .allSatisfy(line -> assertThat(line).contains("refused so far"));
            assertThat(logs.stackTraces()).as("stack traces logged").isZero();

            for (int i = 0; i < watched; i++) { // Redis keeps up again: each client gets what was taken, then this
                topics.get(i).publish("after");
                List<String> expected = published.get(i).isCompletedExceptionally()
                        ? List.of("after")
                        : List.of("0 user/" + i, "after");
                assertThat(clients.get(i).next(expected.size(), WAIT))
                        .extracting(SseTestClient.Event::data)
                        .containsExactlyElementsOf(expected);
            }
        } finally {
            clients.forEach(SseTestClient::close);
        }
    }

    /** Opens the streams of users 0 … count-1 at once, and returns once each follows its topic. */
    List<SseTestClient> open(int count) throws Exception {
        List<SseTestClient> clients = new ArrayList<>();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<SseTestClient>> opening = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                URI uri = node.uri("/users/" + i);
                opening.add(pool.submit(() -> SseTestClient.open(uri)));
            }
            for (Future<SseTestClient> open : opening) {
                clients.add(open.get(WAIT.toSeconds(), TimeUnit.SECONDS));
            }
        }
        for (int i = 0; i < count; i++) {
            Topic topic = node.topic("user/" + i);
            Await.until("user " + i + " follows", () -> topic.subscribers() == 1, WAIT);
        }
        return clients;
    }

    /** Reads the client's events up to the last round's; true if it came, after earlier rounds only, in order. */
    static boolean lastRoundArrives(SseTestClient client, String topic, long deadline) {
        int previous = -1;
        for (int read = 0; read <= BURSTS; read++) {
            String data;
            try {
                data = client.next(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())))
                        .data();
            } catch (AssertionError nothing) {
                return false;
            }
            int round = Integer.parseInt(data.substring(0, data.indexOf(' ')));
            if (round <= previous || !data.endsWith(" " + topic)) {
                throw new AssertionError("Out of order on " + topic + ": " + data + " after round " + previous);
            }
            if (round == BURSTS) {
                return true;
            }
            previous = round;
        }
        return false;
    }

    /** The failed publishes, counted by their cause's type and message. */
    static Map<String, Integer> failures(List<CompletableFuture<String>> published) {
        Map<String, Integer> byCause = new TreeMap<>();
        for (CompletableFuture<String> future : published) {
            if (future.isCompletedExceptionally()) {
                Throwable cause = future.handle((id, failure) -> failure).join();
                if (cause instanceof CompletionException wrapped && wrapped.getCause() != null) {
                    cause = wrapped.getCause();
                }
                byCause.merge(cause.getClass().getSimpleName() + ": " + cause.getMessage(), 1, Integer::sum);
            }
        }
        return byCause;
    }

    /** How many streams follow the subscribers' topics. */
    int following() {
        int following = 0;
        for (int i = 0; i < SUBSCRIBERS; i++) {
            following += node.topic("user/" + i).subscribers();
        }
        return following;
    }

    static boolean waitFor(BooleanSupplier condition, Duration timeout) {
        try {
            Await.until("", condition, timeout);
            return true;
        } catch (AssertionError notInTime) {
            return false;
        }
    }

    static long heapUsed() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
