package dev.spout.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spout.broker.MemoryBroker;
import dev.spout.engine.topic.Topic;
import dev.spout.sse.SseEvent;
import dev.spout.testkit.Await;
import dev.spout.testkit.SseTestClient;
import dev.spout.testkit.SseTestClient.Event;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Publishing once per idempotency key on the memory broker: a retry publishes nothing and answers the first id,
 * racing retries publish once, keys are per topic and kept for a window and within a bound.
 */
class PublishOnceTest {
    static final Duration WAIT = Duration.ofSeconds(10);

    Spout app;

    @AfterEach
    void stop() {
        app.close();
    }

    Spout start(MemoryBroker broker) {
        app = Spout.create(options -> options.broker(broker));
        app.sse("/orders", app.topic("orders"));
        app.start("127.0.0.1", 0);
        return app;
    }

    @Test
    void aRetryWithTheSameKeyPublishesNothingAndAnswersTheFirstId() {
        start(new MemoryBroker());
        Topic orders = app.topic("orders");
        try (var client = SseTestClient.open(app.uri("/orders"))) {
            Await.value("subscribers", orders::subscribers, 1);
            String first = orders.publishOnce("order-42", SseEvent.of("placed"));
            String retry = orders.publishOnce("order-42", SseEvent.of("placed, again"));
            String next = orders.publish("next");

            assertThat(retry).isEqualTo(first);
            assertThat(client.next(2, WAIT))
                    .containsExactly(new Event("message", "placed", first), new Event("message", "next", next));
            assertThat(orders.stats().published()).isEqualTo(2);
        }
    }

    @Test
    void retriesRacingOnManyThreadsPublishOnce() throws Exception {
        start(new MemoryBroker());
        Topic orders = app.topic("orders");
        List<Future<String>> ids = new ArrayList<>();
        try (var publishers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 32; i++) {
                int n = i;
                ids.add(publishers.submit(() -> orders.publishOnceAsync("order-7", SseEvent.of("try " + n))
                        .join()));
            }
        }
        List<String> answers = new ArrayList<>();
        for (Future<String> id : ids) {
            answers.add(id.get());
        }
        assertThat(answers).containsOnly(answers.getFirst());
        assertThat(orders.stats().published()).isEqualTo(1);
    }

    @Test
    void keysArePerTopicAndAPublishToSeveralTopicsRecordsItInEach() {
        start(new MemoryBroker());
        Topic orders = app.topic("orders");
        Topic audit = app.topic("audit");
        Topic other = app.topic("other");
        String both = app.publishOnce("order-9", SseEvent.of("both"), List.of(orders, audit));

        assertThat(app.publishOnce("order-9", SseEvent.of("both again"), List.of(orders, audit)))
                .isEqualTo(both);
        assertThat(audit.publishOnce("order-9", SseEvent.of("audit alone"))).isEqualTo(both);
        assertThat(app.publishOnce("order-9", SseEvent.of("other and audit"), List.of(other, audit)))
                .as("any of the topics having had the key is enough")
                .isEqualTo(both);
        other.publishOnce("order-9", SseEvent.of("other alone")); // other never had it: published (ids are per topic)
        assertThat(orders.stats().published()).isEqualTo(1);
        assertThat(audit.stats().published()).isEqualTo(1);
        assertThat(other.stats().published()).isEqualTo(1);
    }

    @Test
    void aKeyIsForgottenWhenItsWindowEnds() {
        start(new MemoryBroker(Duration.ofMillis(200), 100));
        Topic orders = app.topic("orders");
        String first = orders.publishOnce("order-1", SseEvent.of("first"));
        assertThat(orders.publishOnce("order-1", SseEvent.of("at once"))).isEqualTo(first);

        // Publishes nothing while the window lasts; once it ends, publishes one event with a new id.
        String later = Await.until(
                "a publish with the key after its window",
                () -> orders.publishOnce("order-1", SseEvent.of("later")),
                id -> !id.equals(first),
                WAIT);
        assertThat(orders.stats().published()).isEqualTo(2);
        assertThat(orders.publishOnce("order-1", SseEvent.of("after later"))).isEqualTo(later);
    }

    @Test
    void aTopicKeepsAtMostItsBoundOfKeysForgettingTheOldestFirst() {
        start(new MemoryBroker(Duration.ofMinutes(10), 2));
        Topic orders = app.topic("orders");
        String a = orders.publishOnce("a", SseEvent.of("a"));
        String b = orders.publishOnce("b", SseEvent.of("b"));
        String c = orders.publishOnce("c", SseEvent.of("c"));

        assertThat(orders.publishOnce("c", SseEvent.of("c again"))).isEqualTo(c);
        assertThat(orders.publishOnce("b", SseEvent.of("b again"))).isEqualTo(b);
        assertThat(orders.publishOnce("a", SseEvent.of("a again")))
                .as("forgotten")
                .isNotEqualTo(a);
        assertThat(orders.stats().published()).isEqualTo(4);
    }

    @Test
    void aKeyThatNoBrokerCouldKeepIsRefusedBeforeAnythingIsPublished() {
        start(new MemoryBroker());
        Topic orders = app.topic("orders");
        for (String bad : List.of("", "x".repeat(Topic.MAX_KEY_CHARS + 1), "a\nb", "a\rb", "a\0b")) {
            assertThatThrownBy(() -> orders.publishOnce(bad, SseEvent.of("never")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("idempotency key");
        }
        assertThat(orders.publishOnce("x".repeat(Topic.MAX_KEY_CHARS), SseEvent.of("longest")))
                .isNotEmpty();
        assertThat(orders.stats().published()).isEqualTo(1);
    }
}
