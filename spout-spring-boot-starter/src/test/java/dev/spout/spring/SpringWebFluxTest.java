package dev.spout.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spout.engine.topic.Topic;
import dev.spout.spring.fluxapp.FluxApp;
import dev.spout.testkit.Await;
import dev.spout.testkit.Refusal;
import dev.spout.testkit.SseTestClient;
import dev.spout.testkit.SseTestClient.Event;
import dev.spout.webflux.WebFluxSpout;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.reactive.context.ReactiveWebServerApplicationContext;

/** The starter in a Spring WebFlux application on Reactor Netty: the engine, its streams as a Flux, security, ops. */
class SpringWebFluxTest {
    static final Duration WAIT = Duration.ofSeconds(10);

    Running app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    private Running start(String... properties) {
        var all = new java.util.ArrayList<>(java.util.List.of(properties));
        all.add("spring.main.web-application-type=reactive");
        // WebFlux's own server, Reactor Netty: the test class path has Tomcat and Jetty too, for the servlet tests.
        all.add("spring.autoconfigure.exclude="
                + "org.springframework.boot.jetty.autoconfigure.reactive.JettyReactiveWebServerAutoConfiguration,"
                + "org.springframework.boot.tomcat.autoconfigure.reactive.TomcatReactiveWebServerAutoConfiguration");
        return Running.start(new Class<?>[] {FluxApp.class}, all.toArray(String[]::new));
    }

    @Test
    void controllersAndRoutesStreamATopicWithReplayFromLastEventId() {
        app = start("spout.heartbeat=30s");
        assertThat(((ReactiveWebServerApplicationContext) app.context())
                        .getWebServer()
                        .getClass()
                        .getSimpleName())
                .isEqualTo("NettyWebServer");
        Topic news = app.bean(Topic.class);
        String first = news.publish("one");
        news.publish("two");
        try (var annotated = SseTestClient.open(app.uri("/news"), Map.of("Last-Event-ID", first));
                var functional = SseTestClient.open(app.uri("/fn/news"));
                var loud = SseTestClient.open(app.uri("/loud/news"))) {
            assertThat(annotated.status()).isEqualTo(200);
            assertThat(annotated.headers().firstValue("Cache-Control")).hasValue("no-cache");
            assertThat(annotated.next(WAIT).data())
                    .as("replayed after its last id")
                    .isEqualTo("two");
            Await.value("subscribers", news::subscribers, 3);
            String id = news.publish("three");
            assertThat(annotated.next(WAIT)).isEqualTo(new Event("message", "three", id));
            assertThat(functional.next(WAIT)).isEqualTo(new Event("message", "three", id));
            assertThat(loud.next(WAIT).data()).as("mapped like any Flux").isEqualTo("THREE");
        }
    }

    @Test
    void theAuthenticatedUserPicksTheirOwnTopicAndRefusalsComeFirst() throws Exception {
        app = start();
        WebFluxSpout spout = app.bean(WebFluxSpout.class);
        assertThat(status("/me/notifications", null))
                .as("Spring Security asks who it is")
                .isEqualTo(401);
        assertThat(status("/rooms/secret", null)).as("the controller's refusal").isEqualTo(403);
        assertThat(status("/vault", null)).as("a chosen topic's own authorizer").isEqualTo(403);
        try (var ann = SseTestClient.open(app.uri("/me/notifications"), basic("ann"));
                var bob = SseTestClient.open(app.uri("/me/notifications"), basic("bob"))) {
            Await.value("ann's subscribers", () -> spout.topic("user/ann").subscribers(), 1);
            Await.value("bob's subscribers", () -> spout.topic("user/bob").subscribers(), 1);
            spout.topic("user/ann").publish("for ann");
            spout.topic("user/bob").publish("for bob");
            assertThat(ann.next(WAIT).data()).isEqualTo("for ann");
            assertThat(bob.next(WAIT).data()).isEqualTo("for bob");
        }
    }

    @Test
    void aSignOutEndsTheUsersStreamsBeforeTheNextNote() throws Exception {
        app = start();
        WebFluxSpout spout = app.bean(WebFluxSpout.class);
        FormSignIn.signingOutEndsThatSessionsStreamOnly(app, spout.topic("user/ann"));
    }

    @Test
    void propertiesConfigureTheEngineAndShutdownEndsStreamsCleanly() {
        app = start("spout.heartbeat=200ms", "spout.topics[news].history-events=1");
        Topic news = app.bean(Topic.class);
        try (var client = SseTestClient.open(app.uri("/news"))) {
            Await.until(
                    "heartbeats at the configured interval",
                    () -> client.comments().size() >= 3,
                    WAIT);
            Await.value("subscribers", news::subscribers, 1);
            news.publish("before the stop");
            assertThat(client.next(WAIT).data()).isEqualTo("before the stop");
            app.close();
            app = null;
            assertThat(client.awaitEnd(WAIT)).as("the stream ended").isTrue();
            assertThat(client.readFailure()).as("cleanly").isEmpty();
        }
    }

    private static Map<String, String> basic(String user) {
        String credentials = user + ":" + user + "-pw";
        return Map.of(
                "Authorization",
                "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }

    /** The status of a GET of the stream; one that opens (a refusal that does not happen) returns at once. */
    private int status(String path, String user) {
        return Refusal.of(app.uri(path), user == null ? Map.of() : basic(user)).status();
    }
}
