package dev.spout.server;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spout.engine.topic.Replay;
import dev.spout.engine.topic.ReplayGap;
import dev.spout.engine.topic.Topic;
import dev.spout.engine.topic.TopicStats;
import dev.spout.sse.SseEvent;
import dev.spout.testkit.Await;
import dev.spout.testkit.SseTestClient;
import dev.spout.testkit.SseTestClient.Event;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Broadcast topics on a real server: fan-out, order, replay by Last-Event-ID, gaps. */
class TopicTest {
    static final Duration WAIT = Duration.ofSeconds(10);

    Spout app = Spout.create(options -> options.maxStreamsPerAddress(Integer.MAX_VALUE)); // many, all from 127.0.0.1

    @AfterEach
    void stop() {
        app.close();
    }

    SseTestClient subscribe(String path, String lastEventId) {
        var client = SseTestClient.open(
                app.uri(path), lastEventId == null ? Map.of() : Map.of("Last-Event-ID", lastEventId));
        assertThat(client.status()).isEqualTo(200);
        return client;
    }

    void awaitSubscribers(Topic topic, int count) {
        Await.value("subscribers of " + topic.name(), topic::subscribers, count);
    }

    @Test
    void aThousandSubscribersEachGetEveryEventInTheTopicsOrderFromManyPublishers() throws Exception {
        Topic topic = app.topic("ticks");
        app.sse("/ticks", topic);
        app.start("127.0.0.1", 0);
        int subscribers = 1000;
        int publishers = 4;
        int perPublisher = 50;

        List<SseTestClient> clients = new ArrayList<>();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<SseTestClient>> opening = new ArrayList<>();
            for (int i = 0; i < subscribers; i++) {
                opening.add(pool.submit(() -> subscribe("/ticks", null)));
            }
            for (Future<SseTestClient> f : opening) {
                clients.add(f.get());
            }
        }
        try {
            awaitSubscribers(topic, subscribers);
            List<String> ids = java.util.Collections.synchronizedList(new ArrayList<>());
            try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int p = 0; p < publishers; p++) {
                    int publisher = p;
                    pool.submit(() -> {
                        for (int i = 0; i < perPublisher; i++) {
                            ids.add(topic.publish(publisher + "/" + i));
                        }
                        return null;
                    });
                }
            }
            int total = publishers * perPublisher;
            List<Event> reference = clients.getFirst().next(total, WAIT);
            assertThat(reference)
                    .extracting(Event::data)
                    .doesNotHaveDuplicates()
                    .hasSize(total);
            assertThat(reference).extracting(Event::lastEventId).containsExactlyInAnyOrderElementsOf(ids);
            assertIncreasing(reference);
            for (int p = 0; p < publishers; p++) { // each publisher's events in its own order
                String prefix = p + "/";
                assertThat(reference.stream()
                                .map(Event::data)
                                .filter(d -> d.startsWith(prefix))
                                .toList())
                        .containsExactlyElementsOf(java.util.stream.IntStream.range(0, perPublisher)
                                .mapToObj(i -> prefix + i)
                                .toList());
            }
            for (SseTestClient client : clients.subList(1, clients.size())) {
                assertThat(client.next(total, WAIT)).isEqualTo(reference);
            }
            TopicStats stats = topic.stats();
            assertThat(stats.published()).isEqualTo(total);
            assertThat(stats.delivered()).isEqualTo((long) total * subscribers);
        } finally {
            clients.forEach(SseTestClient::close);
        }
        awaitSubscribers(topic, 0);
    }

    @Test
    void aReturningClientGetsExactlyWhatItMissedThenTheLiveStream() throws Exception {
        Topic topic = app.topic("news");
        app.sse("/news", topic);
        app.start("127.0.0.1", 0);
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            ids.add(topic.publish("news " + i));
        }

        try (var client = subscribe("/news", ids.get(4))) {
            List<Event> replayed = client.next(5, WAIT);
            assertThat(replayed)
                    .extracting(Event::data)
                    .containsExactly("news 6", "news 7", "news 8", "news 9", "news 10");
            assertThat(replayed).extracting(Event::lastEventId).containsExactlyElementsOf(ids.subList(5, 10));
            String live = topic.publish("news 11");
            assertThat(client.next(WAIT)).isEqualTo(new Event("message", "news 11", live));
        }
        assertThat(topic.stats().replayed()).isEqualTo(5);
    }

    @Test
    void reconnectingWhilePublishingContinuouslyLosesAndDuplicatesNothing() throws Exception {
        Topic topic = app.topic("firehose", t -> t.history(100_000, Duration.ofMinutes(5)));
        app.sse("/firehose", topic);
        app.start("127.0.0.1", 0);
        int total = 20_000;
        var first = subscribe("/firehose", null);
        awaitSubscribers(topic, 1);

        // 20,000 events a second, published without pause for the whole test: every reconnect races with it.
        Thread publisher = Thread.ofPlatform().start(() -> {
            long start = System.nanoTime();
            for (int i = 1; i <= total; i++) {
                topic.publish(Integer.toString(i));
                if (i % 20 == 0) {
                    java.util.concurrent.locks.LockSupport.parkNanos(start + i * 50_000L - System.nanoTime());
                }
            }
        });

        List<Integer> received = new ArrayList<>();
        String lastId = null;
        int connections = 0;
        var client = first;
        try {
            while (received.size() < total && connections < 1000) {
                int take = Math.min(total - received.size(), 150 + connections % 100);
                for (Event event : client.next(take, WAIT)) {
                    received.add(Integer.parseInt(event.data()));
                    lastId = event.lastEventId();
                }
                client.close(); // drop the connection in the middle of the stream ...
                connections++;
                if (received.size() < total) {
                    client = subscribe("/firehose", lastId); // ... and come back for what was missed
                }
            }
        } finally {
            client.close();
        }
        publisher.join(WAIT.toMillis());

        assertThat(connections).isGreaterThan(50);
        assertThat(received)
                .containsExactlyElementsOf(
                        java.util.stream.IntStream.rangeClosed(1, total).boxed().toList());
    }

    @Test
    void anIdOlderThanTheHistoryReplaysWhatIsLeftByDefault() throws Exception {
        var gaps = new AtomicReference<ReplayGap>();
        Topic topic = app.topic(
                "short",
                t -> t.history(5, Duration.ofMinutes(1)).onReplayGap(gap -> {
                    gaps.set(gap);
                    return Replay.history();
                }));
        app.sse("/short", topic);
        app.start("127.0.0.1", 0);
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            ids.add(topic.publish("e" + i));
        }

        try (var client = subscribe("/short", ids.get(1))) {
            assertThat(client.next(5, WAIT)).extracting(Event::data).containsExactly("e16", "e17", "e18", "e19", "e20");
        }
        assertThat(gaps.get().kind()).isEqualTo(ReplayGap.Kind.OLDER_THAN_HISTORY);
        assertThat(gaps.get().lastEventId()).isEqualTo(ids.get(1));
        assertThat(gaps.get().oldestRetainedId()).hasValue(ids.get(15));
    }

    @Test
    void theApplicationCanAnswerAGapWithASnapshot() throws Exception {
        Topic topic = app.topic(
                "board",
                t -> t.onReplayGap(
                        gap -> Replay.snapshot(SseEvent.of("{\"cells\":[1,2]}").withEvent("snapshot"))));
        app.sse("/board", topic);
        app.start("127.0.0.1", 0);
        String newest = null;
        for (int i = 1; i <= 3; i++) {
            newest = topic.publish("move " + i);
        }

        try (var client = subscribe("/board", "from-another-server")) {
            assertThat(client.next(WAIT)).isEqualTo(new Event("snapshot", "{\"cells\":[1,2]}", newest));
            String live = topic.publish("move 4");
            assertThat(client.next(WAIT)).isEqualTo(new Event("message", "move 4", live));
        }
    }

    /**
     * The gap handler is user code (it may look things up): it runs outside the topic's lock, so publishing goes on
     * while it decides, and the events published meanwhile follow the snapshot, none lost.
     */
    @Test
    void aSlowGapHandlerDoesNotHoldUpPublishingAndLosesNothing() throws Exception {
        var deciding = new java.util.concurrent.CountDownLatch(1);
        var release = new java.util.concurrent.CountDownLatch(1);
        Topic topic = app.topic(
                "board",
                t -> t.onReplayGap(gap -> {
                    deciding.countDown();
                    try {
                        release.await(); // a database, say; bounded by the test below
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return Replay.snapshot(SseEvent.of("state").withEvent("snapshot"));
                }));
        app.sse("/board", topic);
        app.start("127.0.0.1", 0);
        topic.publish("before");

        // The stream's headers go out once it knows where it starts: open it on its own thread.
        var connecting =
                java.util.concurrent.CompletableFuture.supplyAsync(() -> subscribe("/board", "from-another-server"));
        try {
            assertThat(deciding.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
            List<String> meanwhile = new ArrayList<>();
            var publisher = Executors.newSingleThreadExecutor();
            try {
                var published = publisher.submit(() -> {
                    for (int i = 0; i < 20; i++) {
                        meanwhile.add(topic.publish("during " + i));
                    }
                });
                published.get(WAIT.toMillis(), TimeUnit.MILLISECONDS); // would time out if appends waited
            } finally {
                publisher.shutdownNow();
            }
            release.countDown();
            try (var client = connecting.get(WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                assertThat(client.next(WAIT).type()).isEqualTo("snapshot");
                List<String> ids =
                        client.next(20, WAIT).stream().map(Event::lastEventId).toList();
                assertThat(ids).containsExactlyElementsOf(meanwhile);
            }
        } finally {
            release.countDown();
        }
    }

    /** An event is encoded once, at publish: the broker receives the bytes and carries them to the topic. */
    @Test
    void aPublishEncodesItsEventOnceAndTheBrokerCarriesTheBytes() throws Exception {
        var handed = new java.util.concurrent.CopyOnWriteArrayList<byte[]>();
        var memory = new dev.spout.broker.MemoryBroker();
        dev.spout.broker.Broker recording = new dev.spout.broker.Broker() {
            @Override
            public dev.spout.broker.BrokerTopic attach(String name, dev.spout.broker.TopicLog log) {
                dev.spout.broker.BrokerTopic real = memory.attach(name, log);
                return new dev.spout.broker.BrokerTopic() {
                    @Override
                    public java.util.concurrent.CompletableFuture<String> publish(SseEvent event, byte[] encoded) {
                        handed.add(encoded);
                        return real.publish(event, encoded);
                    }

                    @Override
                    public void close() {
                        real.close();
                    }
                };
            }

            @Override
            public void close() {}
        };
        app.close();
        app = Spout.create(options -> options.broker(recording));
        Topic topic = app.topic("news");
        app.sse("/news", topic);
        app.start("127.0.0.1", 0);
        try (var client = subscribe("/news", null)) {
            awaitSubscribers(topic, 1);
            String id = topic.publish(SseEvent.of("hello\nworld").withEvent("greeting"));
            assertThat(handed)
                    .singleElement()
                    .satisfies(bytes -> assertThat(new String(bytes, UTF_8))
                            .isEqualTo("event: greeting\ndata: hello\ndata: world\n\n"));
            assertThat(client.next(WAIT)).isEqualTo(new Event("greeting", "hello\nworld", id));
        }
    }

    @Test
    void liveOnlySkipsTheHistory() throws Exception {
        Topic topic = app.topic("live", t -> t.onReplayGap(gap -> Replay.liveOnly()));
        app.sse("/live", topic);
        app.start("127.0.0.1", 0);
        topic.publish("old");
        try (var client = subscribe("/live", "unknown-id")) {
            awaitSubscribers(topic, 1);
            String id = topic.publish("new");
            assertThat(client.next(WAIT)).isEqualTo(new Event("message", "new", id));
        }
    }

    @Test
    void newClientsCanStartWithTheLatestEventsAndAReconnectionDelay() throws Exception {
        Topic topic = app.topic("chat", t -> t.initialReplay(2).retry(Duration.ofMillis(1500)));
        app.sse("/chat", topic);
        app.start("127.0.0.1", 0);
        for (int i = 1; i <= 5; i++) {
            topic.publish("m" + i);
        }
        try (var client = subscribe("/chat", null)) {
            assertThat(client.next(2, WAIT)).extracting(Event::data).containsExactly("m4", "m5");
            assertThat(client.retries()).containsExactly(1500L);
        }
    }

    @Test
    void eventsOfEverySizeArriveIntact() throws Exception {
        Topic topic = app.topic("sizes");
        app.sse("/sizes", topic);
        app.start("127.0.0.1", 0);
        try (var client = subscribe("/sizes", null)) {
            awaitSubscribers(topic, 1);
            List<String> sent = new ArrayList<>();
            for (int size = 0;
                    size <= 70_000;
                    size = size < 600 ? size + 7 : size * 2) { // 1-, 2-, 3- and 5-digit hex sizes
                String data = "\u00e9".repeat(size / 2) + "x".repeat(size % 2);
                sent.add(data);
                topic.publish(data);
            }
            assertThat(client.next(sent.size(), WAIT)).extracting(Event::data).containsExactlyElementsOf(sent);
        }
    }

    @Test
    void eventsKeepTheirOwnIdsAndIdsIncreaseOtherwise() {
        Topic topic = app.topic("ids");
        app.start("127.0.0.1", 0);
        String first = topic.publish("a");
        String own = topic.publish(SseEvent.of("b").withId("custom-7"));
        String next = topic.publish("c");
        assertThat(own).isEqualTo("custom-7");
        assertThat(Long.parseLong(next)).isGreaterThan(Long.parseLong(first));
    }

    @Test
    void theHistoryExpiresByAge() throws Exception {
        app.close();
        app = Spout.create(options -> options.heartbeat(Duration.ofMillis(200)));
        var gaps = new AtomicInteger();
        Topic topic = app.topic(
                "fleeting",
                t -> t.history(100, Duration.ofMillis(300)).onReplayGap(gap -> {
                    gaps.incrementAndGet();
                    return Replay.history();
                }));
        app.sse("/fleeting", topic);
        app.start("127.0.0.1", 0);
        String id = topic.publish("soon gone");
        topic.publish("also gone");
        assertThat(topic.stats().retained()).isEqualTo(2);
        Await.value("events retained past their age", () -> topic.stats().retained(), 0);

        try (var client = subscribe("/fleeting", id)) {
            awaitSubscribers(topic, 1);
            String live = topic.publish("fresh");
            assertThat(client.next(WAIT)).isEqualTo(new Event("message", "fresh", live));
        }
        assertThat(gaps.get()).isEqualTo(1);
    }

    @Test
    void badEventsAreRefusedBeforeTheyEnterTheTopic() {
        Topic topic = app.topic("strict");
        app.start("127.0.0.1", 0);
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() -> topic.publish("\uD800"));
        assertThat(topic.stats().published()).isZero();
    }

    static void assertIncreasing(List<Event> events) {
        for (int i = 1; i < events.size(); i++) {
            assertThat(Long.parseLong(events.get(i).lastEventId()))
                    .isGreaterThan(Long.parseLong(events.get(i - 1).lastEventId()));
        }
    }
}
