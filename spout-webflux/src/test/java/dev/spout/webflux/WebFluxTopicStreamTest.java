package dev.spout.webflux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

import dev.spout.engine.topic.Topic;
import dev.spout.server.Spout;
import dev.spout.sse.SseEvent;
import dev.spout.testkit.Await;
import dev.spout.testkit.SseTestClient;
import dev.spout.testkit.SseTestClient.Event;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A topic as WebFlux's {@code Flux<ServerSentEvent<String>>}: Spout's headers, events, replay and heartbeats. */
class WebFluxTopicStreamTest extends OnFluxServer {

    @Test
    void aTopicStreamsWithSpoutsHeadersAndEvents() {
        spout = WebFluxSpout.create();
        Topic news = spout.topic("news");
        server = FluxServer.start(route().GET("/news", spout.handler(news)).build());

        try (var client = SseTestClient.open(server.uri("/news"))) {
            assertThat(client.status()).isEqualTo(200);
            assertThat(client.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
            assertThat(client.headers().firstValue("Cache-Control")).hasValue("no-cache");
            assertThat(client.headers().firstValue("X-Accel-Buffering")).hasValue("no");
            Await.value("subscribers", news::subscribers, 1);
            String id = news.publish("hello");
            news.publish(SseEvent.of("two\nlines", "update", null));
            assertThat(client.next(WAIT)).isEqualTo(new Event("message", "hello", id));
            Event second = client.next(WAIT);
            assertThat(second.type()).isEqualTo("update");
            assertThat(second.data()).isEqualTo("two\nlines");
        }
    }

    /** The stream opens at once (WebFlux sends the headers with the first element: an empty comment). */
    @Test
    void theStreamOpensBeforeTheFirstEvent() {
        spout = WebFluxSpout.create();
        Topic quiet = spout.topic("quiet");
        server = FluxServer.start(route().GET("/quiet", spout.handler(quiet)).build());

        try (var client = SseTestClient.open(server.uri("/quiet"))) {
            assertThat(client.status()).isEqualTo(200);
            Await.until("the opening comment", () -> client.comments().equals(List.of("")), WAIT);
            assertThat(client.pending()).isEmpty();
        }
    }

    /** The same events, parsed, as from Spout's own server: the data, types and ids of one engine. */
    @Test
    void theEventsAreThoseOfSpoutsOwnServer() {
        spout = WebFluxSpout.create();
        Topic fluxTopic = spout.topic("feed");
        server = FluxServer.start(route().GET("/feed", spout.handler(fluxTopic)).build());
        try (var own = Spout.create()) {
            Topic ownTopic = own.topic("feed");
            own.sse("/feed", ownTopic);
            own.start("127.0.0.1", 0);
            try (var fromFlux = SseTestClient.open(server.uri("/feed"));
                    var fromSpout =
                            SseTestClient.open(java.net.URI.create("http://127.0.0.1:" + own.port() + "/feed"))) {
                Await.value("subscribers", fluxTopic::subscribers, 1);
                Await.value("subscribers", ownTopic::subscribers, 1);
                var events = new SseEvent[] {
                    SseEvent.of("plain", null, "a-1"),
                    SseEvent.of("multi\nline\r\ndata", "update", "a-2"),
                    SseEvent.of("", "empty", "a-3"),
                    SseEvent.of("ünïcödé ✓", null, "a-4")
                };
                for (var event : events) {
                    fluxTopic.publish(event);
                    ownTopic.publish(event);
                }
                List<Event> expected = fromSpout.next(events.length, WAIT);
                assertThat(expected.getLast().lastEventId()).isEqualTo("a-4");
                assertThat(fromFlux.next(events.length, WAIT)).isEqualTo(expected);
            }
        }
    }

    @Test
    void aClientResumesExactlyAfterItsLastEventId() {
        spout = WebFluxSpout.create();
        Topic feed = spout.topic("feed", t -> t.history(100, Duration.ofMinutes(1)));
        server = FluxServer.start(route().GET("/feed", spout.handler(feed)).build());
        String first = feed.publish("1");
        feed.publish("2");
        feed.publish("3");

        try (var client = SseTestClient.open(server.uri("/feed"), Map.of("Last-Event-ID", first))) {
            assertThat(client.next(2, WAIT)).extracting(Event::data).containsExactly("2", "3");
            feed.publish("4");
            assertThat(client.next(WAIT).data()).isEqualTo("4");
        }
        assertThat(feed.stats().replayed()).isEqualTo(2);
    }

    /**
     * An idle stream gets heartbeats at the configured spacing (WebFlux hears a client leave, so the interval is the
     * configured one), found by a timer that ticks at a quarter of it. An interval twice too long (or half) is
     * outside the window.
     */
    @Test
    void anIdleStreamGetsHeartbeatsAtTheConfiguredSpacing() {
        spout = WebFluxSpout.create(options -> options.heartbeat(Duration.ofMillis(500)));
        Topic quiet = spout.topic("quiet");
        server = FluxServer.start(route().GET("/quiet", spout.handler(quiet)).build());

        try (var client = SseTestClient.open(server.uri("/quiet"))) {
            Await.until(
                    "the opening comment and four heartbeats",
                    () -> client.comments().size() >= 5,
                    WAIT);
            assertThat(spout.stats().heartbeats()).isGreaterThanOrEqualTo(4);
            assertThat(client.commentGaps())
                    .allSatisfy(gap -> assertThat(gap).isBetween(Duration.ofMillis(450), Duration.ofMillis(850)));
        }
    }

    /** A client's leaving cancels its subscription: the stream ends at once, its slot and place in the topic too. */
    @Test
    void aClientsLeavingEndsItsStream() {
        spout = WebFluxSpout.create(options -> options.heartbeat(Duration.ofMinutes(1)));
        Topic feed = spout.topic("feed");
        server = FluxServer.start(route().GET("/feed", spout.handler(feed)).build());

        var client = SseTestClient.open(server.uri("/feed"));
        Await.value("subscribers", feed::subscribers, 1);
        client.close();
        Await.value("subscribers after the client left", feed::subscribers, 0, WAIT);
        Await.value("open streams", spout::openStreams, 0, WAIT);
    }

    /** Closing the engine ends every stream cleanly (the Flux completes), so clients reconnect. */
    @Test
    void closingEndsStreamsCleanly() {
        spout = WebFluxSpout.create();
        Topic feed = spout.topic("feed");
        server = FluxServer.start(route().GET("/feed", spout.handler(feed)).build());

        try (var client = SseTestClient.open(server.uri("/feed"))) {
            Await.value("subscribers", feed::subscribers, 1);
            feed.publish("last");
            assertThat(client.next(WAIT).data()).isEqualTo("last");
            spout.close();
            assertThat(client.awaitEnd(WAIT)).as("the stream ended").isTrue();
            assertThat(client.readFailure()).as("cleanly, not cut off").isEmpty();
        }
    }
}
