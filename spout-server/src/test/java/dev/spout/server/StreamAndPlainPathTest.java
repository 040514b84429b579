package dev.spout.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import dev.spout.engine.HttpStatusException;
import dev.spout.engine.topic.Subscription;
import dev.spout.engine.topic.Topic;
import dev.spout.server.http.HttpResponse;
import dev.spout.testkit.SseTestClient;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * One path that streams on GET and takes plain requests on the other methods (a Mercure hub subscribes and publishes
 * at one URL), whichever is defined first; a second GET on it is refused when defined.
 */
class StreamAndPlainPathTest {
    static final Duration WAIT = Duration.ofSeconds(10);

    final Spout app = Spout.create();

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void aPathStreamsOnGetAndPublishesOnPostWhicheverComesFirst() throws Exception {
        Topic first = app.topic("first");
        Topic second = app.topic("second");
        app.sse("/stream-first", first);
        app.post("/stream-first", request -> HttpResponse.text(first.publish(request.text())));
        app.post("/plain-first", request -> HttpResponse.text(second.publish(request.text())));
        app.subscribe("/plain-first", request -> Subscription.to(second));
        app.start("127.0.0.1", 0);
        try (var http = HttpClient.newHttpClient()) {
            for (String path : new String[] {"/stream-first", "/plain-first"}) {
                try (var stream = SseTestClient.open(app.uri(path))) {
                    var posted = http.send(
                            HttpRequest.newBuilder(app.uri(path))
                                    .POST(HttpRequest.BodyPublishers.ofString("hello " + path))
                                    .build(),
                            BodyHandlers.ofString());
                    assertThat(posted.statusCode()).isEqualTo(200);
                    var event = stream.next(WAIT);
                    assertThat(event.data()).isEqualTo("hello " + path);
                    assertThat(event.lastEventId()).isEqualTo(posted.body());
                }
                var put = http.send(
                        HttpRequest.newBuilder(app.uri(path))
                                .PUT(HttpRequest.BodyPublishers.ofString("x"))
                                .build(),
                        BodyHandlers.ofString());
                assertThat(put.statusCode()).isEqualTo(405);
                assertThat(put.headers().firstValue("Allow")).hasValue("GET, HEAD, POST");
            }
        }
    }

    @Test
    void aRefusalCarriesItsHeadersOnTheStreamAndOnThePlainMethods() throws Exception {
        app.subscribe("/guarded", request -> {
            throw new HttpStatusException(401, "A token is needed")
                    .withHeader("WWW-Authenticate", "Bearer realm=\"x\"");
        });
        app.post("/guarded", request -> {
            throw new HttpStatusException(403, "Not yours")
                    .withHeader("WWW-Authenticate", "Bearer error=\"insufficient_scope\"");
        });
        app.start("127.0.0.1", 0);
        try (var http = HttpClient.newHttpClient()) {
            var stream = http.send(
                    HttpRequest.newBuilder(app.uri("/guarded"))
                            .header("Accept", "text/event-stream")
                            .build(),
                    BodyHandlers.ofString());
            assertThat(stream.statusCode()).isEqualTo(401);
            assertThat(stream.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"x\"");
            var post = http.send(
                    HttpRequest.newBuilder(app.uri("/guarded"))
                            .POST(HttpRequest.BodyPublishers.ofString(""))
                            .build(),
                    BodyHandlers.ofString());
            assertThat(post.statusCode()).isEqualTo(403);
            assertThat(post.headers().firstValue("WWW-Authenticate")).hasValue("Bearer error=\"insufficient_scope\"");
            assertThat(post.body()).contains("Not yours");
        }
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new HttpStatusException(400, "x").withHeader("X-A", "a\r\nSet-Cookie: b"))
                .withMessageContaining("CR or LF");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new HttpStatusException(400, "x").withHeader("X A", "a"))
                .withMessageContaining("Not a header name");
    }

    @Test
    void aPathHasOneGet() {
        app.get("/taken", request -> HttpResponse.text("plain"));
        assertThatIllegalStateException()
                .isThrownBy(() -> app.sse("/taken", app.topic("t")))
                .withMessageContaining("/taken already answers GET");
        app.sse("/streaming", app.topic("s"));
        assertThatIllegalStateException()
                .isThrownBy(() -> app.get("/streaming", request -> HttpResponse.text("plain")))
                .withMessageContaining("/streaming");
        assertThatIllegalStateException()
                .isThrownBy(() -> app.sse("/streaming", app.topic("s")))
                .withMessageContaining("already served at /streaming");
    }
}
