package dev.spout.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spout.engine.topic.Topic;
import dev.spout.server.Spout;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The client against Spout's own server: topics across a restart, and HTTP/2. */
class ClientAgainstSpoutTest {
    static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void followsATopicAcrossAServerRestartWithoutLosingEvents() throws Exception {
        var first = Spout.create();
        Topic news = first.topic("news");
        first.sse("/news", news);
        first.start("127.0.0.1", 0);
        int port = first.port();

        List<String> received = new ArrayList<>();
        try (var source = EventSource.builder(URI.create("http://127.0.0.1:" + port + "/news"))
                .reconnectionTime(Duration.ofMillis(300))
                .backoff(Backoff.none())
                .connect()) {
            Happenings.next(source, StreamEvent.Open.class, WAIT);
            for (int i = 1; i <= 5; i++) {
                news.publish("event " + i);
            }
            for (int i = 0; i < 5; i++) {
                received.add(Happenings.next(source, MessageEvent.class, WAIT).data());
            }
            String idBeforeRestart = source.lastEventId();

            first.close(); // the client sees the end and waits 300 ms before reconnecting
            var second = Spout.create();
            try {
                Topic restarted = second.topic("news");
                second.sse("/news", restarted);
                second.start("127.0.0.1", port);
                for (int i = 6; i <= 10; i++) { // published before the client is back: replayed from the history
                    restarted.publish("event " + i);
                }
                for (int i = 0; i < 5; i++) {
                    received.add(
                            Happenings.next(source, MessageEvent.class, WAIT).data());
                }
                assertThat(Long.parseLong(source.lastEventId())).isGreaterThan(Long.parseLong(idBeforeRestart));
                restarted.publish("event 11"); // and then live
                received.add(Happenings.next(source, MessageEvent.class, WAIT).data());
            } finally {
                second.close();
            }
        }
        assertThat(received)
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 11)
                        .mapToObj(i -> "event " + i)
                        .toList());
    }

    @Test
    void readsOverHttp2WithASharedClient() throws Exception {
        try (var app = Spout.create();
                var http = HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_2)
                        .build()) {
            Topic topic = app.topic("t");
            app.page("/", page -> dev.spout.html.Html.text("warm up")).sse("/t", topic);
            app.start("127.0.0.1", 0);
            URI base = app.uri("/");
            http.send(
                    java.net.http.HttpRequest.newBuilder(base).build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding());

            try (var a = EventSource.builder(base.resolve("/t"))
                            .httpClient(http)
                            .connect();
                    var b = EventSource.builder(base.resolve("/t"))
                            .httpClient(http)
                            .connect()) {
                Happenings.next(a, StreamEvent.Open.class, WAIT);
                Happenings.next(b, StreamEvent.Open.class, WAIT);
                String id = topic.publish("over h2");
                assertThat(Happenings.next(a, MessageEvent.class, WAIT).lastEventId())
                        .isEqualTo(id);
                assertThat(Happenings.next(b, MessageEvent.class, WAIT).data()).isEqualTo("over h2");
                assertThat(app.jetty().getConnectors()[0].getConnectedEndPoints())
                        .hasSize(1);
            }
        }
    }

    @Test
    void resumesAPerClientHandlerThatHonoursLastEventId() throws Exception {
        try (var app = Spout.create()) {
            app.sse("/count", sse -> {
                long from = sse.lastEventId().map(Long::parseLong).orElse(0L);
                sse.retry(100);
                for (long i = from + 1; i <= from + 3; i++) {
                    sse.send("n" + i, null, Long.toString(i));
                }
            });
            app.start("127.0.0.1", 0);
            List<String> data = new ArrayList<>();
            try (var source = EventSource.builder(app.uri("/count"))
                    .backoff(Backoff.none())
                    .connect()) {
                for (int i = 0; i < 7; i++) {
                    data.add(Happenings.next(source, MessageEvent.class, WAIT).data());
                }
            }
            assertThat(data).containsExactly("n1", "n2", "n3", "n4", "n5", "n6", "n7");
        }
    }
}
