package dev.spout.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spout.engine.SpoutStats;
import dev.spout.engine.stream.SlowClientPolicy;
import dev.spout.engine.topic.Topic;
import dev.spout.testkit.Await;
import dev.spout.testkit.SseTestClient;
import dev.spout.testkit.SseTestClient.Event;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A client that stops reading is cut off at its bound; the others never notice. */
class SlowClientTest {
    static final Duration WAIT = Duration.ofSeconds(10);
    static final String KILOBYTE = "k".repeat(1000);

    Spout app;

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void aStalledClientIsDisconnectedAtItsBoundWhileTheOthersGetEverything() throws Exception {
        app = Spout.create(options -> options.maxQueuedBytes(256 * 1024));
        Topic topic = app.topic("feed", t -> t.history(20_000, Duration.ofMinutes(1)));
        app.sse("/feed", topic);
        app.start("127.0.0.1", 0);

        try (var stalled = new StalledClient(app.port(), "/feed");
                var reader1 = SseTestClient.open(app.uri("/feed"));
                var reader2 = SseTestClient.open(app.uri("/feed"))) {
            awaitSubscribers(topic, 3);
            int events = 10_000; // 10 MB: far more than the bound and every socket buffer on the way
            for (int i = 1; i <= events; i++) {
                topic.publish(i + " " + KILOBYTE);
                if (i % 50 == 0) { // the readers keep up: they get everything, in order
                    assertThat(reader1.next(50, WAIT).getLast().data()).startsWith(i + " ");
                    assertThat(reader2.next(50, WAIT).getLast().data()).startsWith(i + " ");
                }
            }
            assertThat(stalled.closedByServer(5000))
                    .as("the stalled client is disconnected")
                    .isTrue();
        }
        SpoutStats stats = app.stats();
        assertThat(stats.slowClientDisconnects()).isEqualTo(1);
        assertThat(topic.stats().delivered()).isGreaterThanOrEqualTo(2 * 10_000L);
    }

    /**
     * A client that comes back after a while has a backlog from the history, far more than the bound: it is not a
     * slow client for that, and gets all of it; what counts is falling further behind. (It was cut off as soon as
     * anything was published, and could never catch up: every reconnect ended the same way.)
     */
    @Test
    void aClientResumingWithABacklogBiggerThanTheBoundGetsItAll() throws Exception {
        app = Spout.create(options -> options.maxQueuedBytes(64 * 1024));
        Topic topic = app.topic("feed", t -> t.history(20_000, Duration.ofMinutes(1)));
        app.sse("/feed", topic);
        app.start("127.0.0.1", 0);
        String first = topic.publish("0 " + KILOBYTE);
        int missed = 10_000; // 10 MB while the client is away: far more than its bound and the socket buffers
        for (int i = 1; i <= missed; i++) {
            topic.publish(i + " " + KILOBYTE);
        }
        try (var back = new StalledClient(app.port(), "/feed", first);
                var witness = SseTestClient.open(app.uri("/feed"))) {
            awaitSubscribers(topic, 2);
            for (int i = 1; i <= 3; i++) { // publishing goes on while the backlog waits
                topic.publish("live " + i);
            }
            // The fan-out pass tells its subscribers in order: the witness's events mean the resumed client was told.
            assertThat(witness.next(3, WAIT)).extracting(Event::data).containsExactly("live 1", "live 2", "live 3");
            List<String> got = back.events(missed + 3, 10_000);
            assertThat(got).hasSize(missed + 3);
            assertThat(got.getFirst()).startsWith("1 ");
            assertThat(got.getLast()).isEqualTo("live 3");
        }
        assertThat(app.stats().slowClientDisconnects()).isZero();
    }

    @Test
    void dropOldestKeepsTheStalledClientConnectedAndCountsWhatItSkipped() throws Exception {
        app = Spout.create(options -> options.maxQueuedBytes(256 * 1024).slowClients(SlowClientPolicy.dropOldest()));
        Topic topic = app.topic("prices");
        app.sse("/prices", topic);
        app.start("127.0.0.1", 0);

        try (var stalled = new StalledClient(app.port(), "/prices");
                var reader = SseTestClient.open(app.uri("/prices"))) {
            awaitSubscribers(topic, 2);
            for (int i = 1; i <= 10_000; i++) {
                topic.publish(i + " " + KILOBYTE);
                if (i % 50 == 0) {
                    assertThat(reader.next(50, WAIT).getLast().data()).startsWith(i + " ");
                }
            }
            assertThat(topic.stats().dropped()).isGreaterThan(0);
            assertThat(topic.subscribers()).isEqualTo(2);
            assertThat(stalled.closedByServer(200)).isFalse();
        }
        assertThat(app.stats().slowClientDisconnects()).isZero();
    }

    @Test
    void aWriteThatWaitsLongerThanTheWriteTimeoutEndsTheStream() throws Exception {
        app = Spout.create(
                options -> options.writeTimeout(Duration.ofMillis(500)).heartbeat(Duration.ZERO));
        Topic topic = app.topic("slow");
        app.sse("/slow", topic);
        app.start("127.0.0.1", 0);

        try (var stalled = new StalledClient(app.port(), "/slow")) {
            awaitSubscribers(topic, 1);
            // Less than the queue bound, but more than the socket buffers: a write stays pending.
            for (int i = 0; i < 200 && topic.subscribers() == 1; i++) {
                topic.publish(KILOBYTE.repeat(20));
            }
            Await.value("subscribers once the write timeout cut the stalled client", topic::subscribers, 0);
            assertThat(stalled.closedByServer(2000)).isTrue();
        }
    }

    void awaitSubscribers(Topic topic, int count) {
        Await.value("subscribers of " + topic.name(), topic::subscribers, count);
    }

    static List<String> data(List<Event> events) {
        return events.stream().map(Event::data).toList();
    }
}
