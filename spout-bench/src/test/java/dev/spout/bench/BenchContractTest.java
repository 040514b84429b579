package dev.spout.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.spout.bench.common.Args;
import dev.spout.server.Spout;
import dev.spout.testkit.Await;
import dev.spout.testkit.SseTestClient;
import dev.spout.testkit.SseTestClient.Event;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The bench server's grown contract: decimal rates, several topics, streams and publishes of several at once. */
class BenchContractTest {
    static final Duration WAIT = Duration.ofSeconds(10);

    private Spout app;
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        http.close();
        if (app != null) {
            app.close();
        }
    }

    private Spout start(String... args) {
        app = BenchServer.start(Args.options(args));
        return app;
    }

    private HttpResponse<String> publish(String query, String body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(app.uri("/publish" + query))
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theRateTakesDecimalsAndRefusesWhatIsNotARate() {
        assertThat(Args.options(new String[] {"--rate", "0.2"}).decimal("rate", 0))
                .isEqualTo(0.2);
        for (String bad : List.of("-1", "abc", "NaN", "Infinity")) {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> Args.options(new String[] {"--rate", bad}).decimal("rate", 0))
                    .withMessageContaining("--rate takes a number");
        }
        start("--port", "0", "--rate", "0.2");
        assertThat(app.topics()).hasSize(1);
    }

    @Test
    void streamsOfSeveralTopicsCarryTheTopicAsTypeAndPublishesToSeveralComeOnce() throws Exception {
        start("--port", "0", "--rate", "0", "--topics", "3");
        assertThat(app.topics()).extracting(t -> t.name()).containsExactlyInAnyOrder("t0", "t1", "t2");
        try (var both = SseTestClient.open(app.uri("/sse?topic=t1&topic=t2"));
                var first = SseTestClient.open(app.uri("/sse"))) {
            Await.value(
                    "t2's subscribers",
                    () -> app.topics().stream()
                            .filter(t -> t.name().equals("t2"))
                            .findFirst()
                            .orElseThrow()
                            .subscribers(),
                    1);
            Await.value(
                    "t0's subscribers",
                    () -> app.topics().stream()
                            .filter(t -> t.name().equals("t0"))
                            .findFirst()
                            .orElseThrow()
                            .subscribers(),
                    1);
            assertThat(publish("?topic=t1", "one").statusCode()).isEqualTo(200);
            assertThat(publish("?topic=t2", "two").statusCode()).isEqualTo(200);
            var shared = publish("?topic=t1&topic=t2", "both");
            assertThat(shared.statusCode()).isEqualTo(200);
            String a = publish("", "zero a").body();
            String b = publish("", "zero b").body();

            List<Event> got = both.next(3, WAIT);
            assertThat(got)
                    .extracting(Event::type, Event::data)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("t1", "one"),
                            org.assertj.core.groups.Tuple.tuple("t2", "two"),
                            got.get(2).type().equals("t1")
                                    ? org.assertj.core.groups.Tuple.tuple("t1", "both")
                                    : org.assertj.core.groups.Tuple.tuple("t2", "both"));
            assertThat(first.next(2, WAIT))
                    .extracting(Event::type, Event::data, Event::lastEventId)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("message", "zero a", a),
                            org.assertj.core.groups.Tuple.tuple("message", "zero b", b));
            assertThat(Long.parseLong(b)).as("integer ids going up by one").isEqualTo(Long.parseLong(a) + 1);

            String resumeFrom = got.get(0).lastEventId();
            try (var resumed =
                    SseTestClient.open(app.uri("/sse?topic=t1&topic=t2"), Map.of("Last-Event-ID", resumeFrom))) {
                // each topic in its order; t1's "both" and t2's "two" may come either way round
                assertThat(resumed.next(2, WAIT)).extracting(Event::data).containsExactlyInAnyOrder("two", "both");
            }
        }
    }

    private HttpResponse<String> publishOnce(String query, String key, String body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(app.uri("/publish" + query))
                        .header("Idempotency-Key", key)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anIdempotencyKeyPublishesOnceAndARetryIsAnswered200WithTheFirstId() throws Exception {
        start("--port", "0", "--rate", "0", "--topics", "2");
        try (var stream = SseTestClient.open(app.uri("/sse?topic=t0"))) {
            Await.value("a subscriber", () -> app.topic("t0").subscribers(), 1);
            var first = publishOnce("", "order-42", "placed");
            var retry = publishOnce("", "order-42", "placed, sent again");
            var other = publishOnce("", "order-43", "another");
            assertThat(List.of(first.statusCode(), retry.statusCode(), other.statusCode()))
                    .containsOnly(200);
            assertThat(retry.body()).isEqualTo(first.body());
            assertThat(stream.next(2, WAIT))
                    .extracting(Event::data, Event::lastEventId)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("placed", first.body()),
                            org.assertj.core.groups.Tuple.tuple("another", other.body()));

            var both = publishOnce("?topic=t0&topic=t1", "order-44", "both");
            assertThat(publishOnce("?topic=t1&topic=t0", "order-44", "both").body())
                    .isEqualTo(both.body());
            assertThat(publishOnce("?topic=t1", "order-44", "t1 alone").body()).isEqualTo(both.body());
            assertThat(app.topic("t0").stats().published()).isEqualTo(3);
            assertThat(app.topic("t1").stats().published()).isEqualTo(1);
        }

        var tooLong = publishOnce("", "k".repeat(257), "never");
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).contains("idempotency key");
        assertThat(app.topic("t0").stats().published()).isEqualTo(3);
    }

    @Test
    void anUnknownTopicIsAPlain400() throws Exception {
        start("--port", "0", "--rate", "0", "--topics", "2");
        for (String query : List.of("?topic=t2", "?topic=t0&topic=x", "?topic=t01")) {
            try (var stream = SseTestClient.open(app.uri("/sse" + query))) {
                assertThat(stream.status()).as(query).isEqualTo(400);
            }
            var response = publish(query, "lost?");
            assertThat(response.statusCode()).as(query).isEqualTo(400);
            assertThat(response.body()).contains("No topic");
        }
        assertThat(app.topics()).allMatch(t -> t.stats().published() == 0);
    }

    @Test
    void theBuiltInPublisherGoesRoundRobinOverTheTopics() throws Exception {
        start("--port", "0", "--rate", "200", "--topics", "2", "--size", "40");
        try (var zero = SseTestClient.open(app.uri("/sse?topic=t0"));
                var one = SseTestClient.open(app.uri("/sse?topic=t1"))) {
            List<Event> fromZero = zero.next(5, WAIT);
            List<Event> fromOne = one.next(5, WAIT);
            for (List<Event> events : List.of(fromZero, fromOne)) {
                List<Long> times = events.stream()
                        .map(e -> Long.parseLong(e.data().substring(0, e.data().indexOf(' '))))
                        .toList();
                assertThat(times).isSorted();
                for (int i = 1; i < times.size(); i++) {
                    assertThat(times.get(i) - times.get(i - 1))
                            .as("every other event of 200 a second: 10 ms apart")
                            .isEqualTo(10_000);
                }
                assertThat(events).allMatch(e -> e.data().length() == 40);
            }
        }
    }
}
