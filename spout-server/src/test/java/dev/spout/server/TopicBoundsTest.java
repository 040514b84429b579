package dev.spout.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spout.engine.stream.EventTooLargeException;
import dev.spout.engine.topic.Topic;
import dev.spout.engine.topic.TopicStats;
import dev.spout.testkit.Await;
import dev.spout.testkit.SseTestClient;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A topic's history is bounded in bytes, and an event too big for it is refused at publish, hurting no one. */
class TopicBoundsTest {
    private static final Duration WAIT = Await.DEFAULT;
    private static final String KIB = "x".repeat(1024);
    private Spout app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void theHistoryKeepsNoMoreBytesThanItsBound() {
        app = Spout.create();
        Topic topic = app.topic("big", t -> t.history(1000, Duration.ofHours(1)).historyBytes(64 * 1024));
        app.start("127.0.0.1", 0);
        for (int i = 0; i < 500; i++) { // 4 MiB published in all
            topic.publish(KIB.repeat(8));
        }
        TopicStats stats = topic.stats();
        assertThat(stats.published()).isEqualTo(500);
        assertThat(stats.retainedBytes()).isBetween(56L * 1024, 64L * 1024);
        assertThat(stats.retained()).isEqualTo(7);
    }

    @Test
    void anEventBiggerThanTheTopicTakesIsRefusedAndFastSubscribersCarryOn() {
        app = Spout.create(options -> options.maxQueuedBytes(64 * 1024));
        Topic topic = app.topic("news"); // takes events up to the queue bound, 64 KiB
        app.sse("/news", topic);
        app.start("127.0.0.1", 0);

        try (var one = SseTestClient.open(app.uri("/news"));
                var two = SseTestClient.open(app.uri("/news"))) {
            Await.value("subscribers", topic::subscribers, 2);
            assertThatThrownBy(() -> topic.publish(KIB.repeat(100)))
                    .isInstanceOfSatisfying(EventTooLargeException.class, e -> {
                        assertThat(e.limit()).isEqualTo(64 * 1024);
                        assertThat(e.size()).isGreaterThan(100 * 1024);
                    })
                    .hasMessageContaining("topic news")
                    .hasMessageContaining("maxEventBytes");
            assertThat(topic.stats().published()).isZero();

            String id = topic.publish("small");
            assertThat(one.next(WAIT).lastEventId()).isEqualTo(id);
            assertThat(two.next(WAIT).lastEventId()).isEqualTo(id);
            assertThat(topic.subscribers()).isEqualTo(2);
            assertThat(app.stats().slowClientDisconnects()).isZero();
        }
    }

    @Test
    void aTopicCannotTakeEventsBiggerThanASubscribersQueue() {
        app = Spout.create(options -> options.maxQueuedBytes(64 * 1024));
        assertThatThrownBy(() -> app.topic("huge", t -> t.maxEventBytes(128 * 1024)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cut off every subscriber");
    }

    @Test
    void aHandlerSendingAnEventBiggerThanItsQueueGetsAClearErrorAndItsStreamGoesOn() throws Exception {
        app = Spout.create(options -> options.maxQueuedBytes(64 * 1024));
        var refused = new ArrayBlockingQueue<Throwable>(1);
        app.sse("/sse", sse -> {
            try {
                sse.send(KIB.repeat(100));
            } catch (EventTooLargeException e) {
                refused.add(e);
            }
            sse.send("after");
        });
        app.start("127.0.0.1", 0);

        try (var client = SseTestClient.open(app.uri("/sse"))) {
            assertThat(client.next(WAIT).data()).isEqualTo("after");
        }
        assertThat(refused.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS))
                .isInstanceOf(EventTooLargeException.class)
                .hasMessageContaining("SpoutOptions.maxQueuedBytes");
    }
}
