package dev.spout.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spout.engine.topic.Topic;
import dev.spout.testkit.Await;
import dev.spout.testkit.SseTestClient;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What operations see: Actuator's health and meters, and a shutdown that ends every stream cleanly at once. */
class SpringOperationsTest {
    static final Duration WAIT = Duration.ofSeconds(10);
    static final HttpClient HTTP = HttpClient.newHttpClient();

    Running app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    private String get(String path) throws Exception {
        var response = HTTP.send(
                HttpRequest.newBuilder(app.uri(path)).timeout(WAIT).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    @ParameterizedTest
    @EnumSource(Server.class)
    void actuatorShowsTheBrokersHealthAndSpoutsMeters(Server server) throws Exception {
        app = server.start(
                "management.endpoints.web.exposure.include=health,metrics",
                "management.endpoint.health.show-details=always");
        Topic news = app.bean(Topic.class);
        try (var client = SseTestClient.open(app.uri("/news"))) {
            Await.value("subscribers", news::subscribers, 1);
            news.publish("counted");
            client.next(WAIT);
            assertThat(get("/actuator/health/spout"))
                    .contains("\"status\":\"UP\"")
                    .contains("\"broker\":\"MemoryBroker\"")
                    .contains("\"openStreams\":1");
            assertThat(get("/actuator/metrics/spout.streams.open")).contains("\"value\":1.0");
            assertThat(get("/actuator/metrics/spout.topic.published?tag=topic:news"))
                    .contains("\"value\":1.0");
        }
    }

    /**
     * Spring's shutdown ends the streams first, cleanly, so the web server's graceful shutdown finds no request
     * left to wait for (without it, Tomcat would wait 30 seconds for SSE requests that never finish, then cut them).
     */
    @ParameterizedTest
    @EnumSource(Server.class)
    void shutdownEndsEveryStreamCleanlyBeforeTheServerStops(Server server) throws Exception {
        app = server.start("server.shutdown=graceful", "spring.lifecycle.timeout-per-shutdown-phase=30s");
        Topic news = app.bean(Topic.class);
        try (var one = SseTestClient.open(app.uri("/news"));
                var two = SseTestClient.open(app.uri("/news"))) {
            Await.value("subscribers", news::subscribers, 2);
            var closing = CompletableFuture.runAsync(app::close);
            for (var client : new SseTestClient[] {one, two}) {
                assertThat(client.awaitEnd(WAIT)).as("the stream ends").isTrue();
                assertThat(client.readFailure()).as("cleanly, not cut").isEmpty();
            }
            closing.get(WAIT.toSeconds(), TimeUnit.SECONDS); // well before the 30 s of the graceful phase
        }
        app = null;
    }
}
