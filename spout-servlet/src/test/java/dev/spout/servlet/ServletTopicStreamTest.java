package dev.spout.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spout.engine.topic.Topic;
import dev.spout.server.Spout;
import dev.spout.sse.SseEvent;
import dev.spout.testkit.Await;
import dev.spout.testkit.SseTestClient;
import dev.spout.testkit.SseTestClient.Event;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A topic streamed from a Servlet container: Spout's headers, bytes, replay and heartbeats, on every container. */
class ServletTopicStreamTest extends OnContainers {
    static final Duration WAIT = Duration.ofSeconds(10);

    @ParameterizedTest
    @EnumSource(Container.class)
    void aTopicStreamsWithSpoutsHeadersAndEvents(Container container) throws Exception {
        spout = ServletSpout.create();
        Topic news = spout.topic("news");
        running = container.start(new Container.Deployment().servlet("/news", spout.servlet(news)));

        try (var client = SseTestClient.open(running.uri("/news"))) {
            assertThat(client.status()).isEqualTo(200);
            assertThat(client.headers().firstValue("Content-Type")).hasValue("text/event-stream");
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

    /** The same events make the same bytes, head to body, as on Spout's own server: one engine, not a fork. */
    @ParameterizedTest
    @EnumSource(Container.class)
    void theWireIsByteForByteSpoutsOwn(Container container) throws Exception {
        spout = ServletSpout.create();
        Topic servletTopic = spout.topic("feed");
        running = container.start(new Container.Deployment().servlet("/feed", spout.servlet(servletTopic)));
        try (var own = Spout.create()) {
            Topic ownTopic = own.topic("feed");
            own.sse("/feed", ownTopic);
            own.start("127.0.0.1", 0);
            try (var fromContainer = RawStream.open(running.port(), "/feed");
                    var fromSpout = RawStream.open(own.port(), "/feed")) {
                Await.value("subscribers", servletTopic::subscribers, 1);
                Await.value("subscribers", ownTopic::subscribers, 1);
                for (var event : new SseEvent[] {
                    SseEvent.of("plain", null, "a-1"),
                    SseEvent.of("multi\nline\r\ndata", "update", "a-2"),
                    SseEvent.of("", "empty", "a-3"),
                    SseEvent.of("ünïcödé ✓", null, "a-4")
                }) {
                    servletTopic.publish(event);
                    ownTopic.publish(event);
                }
                String last = "data: ünïcödé ✓\n\n";
                String expected = fromSpout.readUntil(last, 10_000);
                assertThat(expected).contains("id: a-4\n");
                assertThat(fromContainer.readUntil(last, 10_000)).isEqualTo(expected);
                for (String header :
                        new String[] {"Content-Type", "Cache-Control", "X-Accel-Buffering", "Connection"}) {
                    assertThat(fromContainer.header(header)).as(header).isEqualTo(fromSpout.header(header));
                }
                assertThat(fromContainer.header("Transfer-Encoding"))
                        .as("the body is delimited by the connection's end, not chunked")
                        .isNull();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Container.class)
    void aClientResumesExactlyAfterItsLastEventId(Container container) throws Exception {
        spout = ServletSpout.create();
        Topic feed = spout.topic("feed", t -> t.history(100, Duration.ofMinutes(1)));
        running = container.start(new Container.Deployment().servlet("/feed", spout.servlet(feed)));
        String first = feed.publish("1");
        feed.publish("2");
        feed.publish("3");

        try (var client = SseTestClient.open(running.uri("/feed"), Map.of("Last-Event-ID", first))) {
            assertThat(client.next(2, WAIT)).extracting(Event::data).containsExactly("2", "3");
            feed.publish("4");
            assertThat(client.next(WAIT).data()).isEqualTo("4");
        }
    }

    /**
     * An idle stream gets heartbeats, here at two fifths of the configured interval (a container says nothing of a
     * leaving client, so the heartbeats find it: docs/servlet.md): 400 ms for one second, found by a timer that ticks
     * at a quarter of that. An interval twice too long (or half) is outside the window.
     */
    @ParameterizedTest
    @EnumSource(Container.class)
    void anIdleStreamGetsHeartbeatsAtTwoFifthsOfTheInterval(Container container) throws Exception {
        spout = ServletSpout.create(options -> options.heartbeat(Duration.ofSeconds(1)));
        Topic quiet = spout.topic("quiet");
        running = container.start(new Container.Deployment().servlet("/quiet", spout.servlet(quiet)));

        try (var client = SseTestClient.open(running.uri("/quiet"))) {
            Await.until("five heartbeats", () -> client.comments().size() >= 5, WAIT);
            assertThat(spout.stats().heartbeats()).isGreaterThanOrEqualTo(5);
            assertThat(client.commentGaps())
                    .allSatisfy(gap -> assertThat(gap).isBetween(Duration.ofMillis(360), Duration.ofMillis(700)));
        }
    }
}
