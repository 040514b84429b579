package dev.spout.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spout.engine.topic.Topic;
import dev.spout.servlet.ServletSpout;
import dev.spout.testkit.Await;
import dev.spout.testkit.Refusal;
import dev.spout.testkit.SseTestClient;
import dev.spout.testkit.SseTestClient.Event;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Controllers and routes that return Spout's types, streamed by Spring MVC on Tomcat and on Jetty. */
class SpringStreamsTest {
    static final Duration WAIT = Duration.ofSeconds(10);
    static final HttpClient HTTP = HttpClient.newHttpClient();

    Running app;

    @AfterEach
    void stop() {
        app.close();
    }

    static Map<String, String> as(String user) {
        String credentials = user + ":" + user + "-pw";
        return Map.of(
                "Authorization",
                "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }

    /** The answer to a GET of the stream; one that opens (a refusal that does not happen) returns at once. */
    private Refusal refused(String path, Map<String, String> headers) {
        return Refusal.of(app.uri(path), headers);
    }

    @ParameterizedTest
    @EnumSource(Server.class)
    void aControllerReturnsATopicAndClientsResumeExactly(Server server) throws Exception {
        app = server.start();
        Topic news = app.bean(Topic.class);
        String first;
        try (var client = SseTestClient.open(app.uri("/news"))) {
            assertThat(client.status()).isEqualTo(200);
            assertThat(client.headers().firstValue("Content-Type")).hasValue("text/event-stream");
            assertThat(client.headers().firstValue("Cache-Control")).hasValue("no-cache");
            Await.value("subscribers", news::subscribers, 1);
            first = news.publish("one");
            news.publish("two");
            assertThat(client.next(2, WAIT)).extracting(Event::data).containsExactly("one", "two");
        }
        news.publish("three");
        try (var back = SseTestClient.open(app.uri("/news"), Map.of("Last-Event-ID", first))) {
            assertThat(back.next(2, WAIT)).extracting(Event::data).containsExactly("two", "three");
        }
    }

    /** An event Spout cannot send is a 400 that says why, not Spring's bare 500, and nothing is published. */
    @ParameterizedTest
    @EnumSource(Server.class)
    void anEventWithALineBreakInItsTypeIsA400ThatSaysWhy(Server server) throws Exception {
        app = server.start();
        Topic news = app.bean(Topic.class);
        var request = java.net.http.HttpRequest.newBuilder(app.uri("/news?type=a%0Ab"))
                .timeout(WAIT)
                .header("Content-Type", "text/plain")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("hello"))
                .build();
        var response = HTTP.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body())
                .contains("The event cannot be sent")
                .contains("An SSE event name must not contain a line feed");
        assertThat(news.stats().published()).isZero();
        var fine = java.net.http.HttpRequest.newBuilder(app.uri("/news?type=note"))
                .timeout(WAIT)
                .header("Content-Type", "text/plain")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("hello"))
                .build();
        assertThat(HTTP.send(fine, java.net.http.HttpResponse.BodyHandlers.ofString())
                        .statusCode())
                .isEqualTo(200);
        assertThat(news.stats().published()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Server.class)
    void aPathVariableChoosesTheTopicAndARefusalComesBeforeAnyByte(Server server) throws Exception {
        app = server.start();
        ServletSpout spout = app.bean(ServletSpout.class);
        assertThat(refused("/rooms/secret", Map.of()).status()).isEqualTo(403);
        assertThat(refused("/vault", Map.of()).status())
                .as("a chosen topic's own authorizer")
                .isEqualTo(403);
        try (var lobby = SseTestClient.open(app.uri("/rooms/lobby"));
                var fn = SseTestClient.open(app.uri("/fn/rooms/lobby"))) {
            Await.value("subscribers", () -> spout.topic("room/lobby").subscribers(), 2);
            spout.topic("room/kitchen").publish("not here");
            spout.topic("room/lobby").publish("hello lobby");
            assertThat(lobby.next(WAIT).data()).isEqualTo("hello lobby");
            assertThat(fn.next(WAIT).data())
                    .as("the functional route's path variable")
                    .isEqualTo("hello lobby");
        }
    }

    @ParameterizedTest
    @EnumSource(Server.class)
    void springSecuritysUserPicksTheirOwnTopic(Server server) throws Exception {
        app = server.start();
        ServletSpout spout = app.bean(ServletSpout.class);
        assertThat(refused("/me/notifications", Map.of()).status())
                .as("no user")
                .isEqualTo(401);
        try (var ann = SseTestClient.open(app.uri("/me/notifications"), as("ann"));
                var bob = SseTestClient.open(app.uri("/me/notifications"), as("bob"))) {
            Await.value("ann's subscribers", () -> spout.topic("user/ann").subscribers(), 1);
            Await.value("bob's subscribers", () -> spout.topic("user/bob").subscribers(), 1);
            spout.topic("user/bob").publish("for bob");
            spout.topic("user/ann").publish("for ann");
            assertThat(ann.next(WAIT).data()).isEqualTo("for ann");
            assertThat(bob.next(WAIT).data()).isEqualTo("for bob");
            assertThat(ann.pending()).as("nothing of bob's").isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Server.class)
    void aSignOutEndsTheUsersStreamsBeforeTheNextNote(Server server) throws Exception {
        app = server.start();
        ServletSpout spout = app.bean(ServletSpout.class);
        FormSignIn.signingOutEndsThatSessionsStreamOnly(app, spout.topic("user/ann"));
        assertThat(refused("/me/notifications", Map.of()).status()).isEqualTo(401);
    }

    @ParameterizedTest
    @EnumSource(Server.class)
    void aControllersHandlerRunsOnAVirtualThreadWithTheUserAndLastEventId(Server server) throws Exception {
        app = server.start();
        var headers = new java.util.HashMap<>(as("ann"));
        headers.put("Last-Event-ID", "t-41");
        try (var clock = SseTestClient.open(app.uri("/clock"), headers)) {
            assertThat(clock.next(3, WAIT))
                    .extracting(Event::data)
                    .containsExactly("user ann", "virtual true", "resumes after t-41");
        }
    }

    @ParameterizedTest
    @EnumSource(Server.class)
    void aFunctionalRouteStreamsATopic(Server server) throws Exception {
        app = server.start();
        Topic news = app.bean(Topic.class);
        try (var client = SseTestClient.open(app.uri("/fn/news"))) {
            Await.value("subscribers", news::subscribers, 1);
            String id = news.publish("via a route");
            assertThat(client.next(WAIT)).isEqualTo(new Event("message", "via a route", id));
        }
    }

    @ParameterizedTest
    @EnumSource(Server.class)
    void propertiesSetTheEngine(Server server) throws Exception {
        app = server.start("spout.max-streams=1", "spout.retry-after=9s", "spout.heartbeat=200ms");
        try (var only = SseTestClient.open(app.uri("/news"))) {
            Await.until("a heartbeat", () -> !only.comments().isEmpty(), WAIT);
            var second = refused("/news", Map.of());
            assertThat(second.status()).isEqualTo(503);
            assertThat(second.headers().firstValue("Retry-After")).hasValue("9");
        }
    }
}
