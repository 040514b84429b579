package dev.spout.webflux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

import dev.spout.engine.auth.Access;
import dev.spout.engine.topic.Subscription;
import dev.spout.engine.topic.Topic;
import dev.spout.sse.SseEvent;
import dev.spout.testkit.Await;
import dev.spout.testkit.Refusal;
import dev.spout.testkit.SseTestClient;
import dev.spout.testkit.SseTestClient.Event;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Streams chosen per request in WebFlux: the principal's own topic and a shared one; every refusal first. */
class WebFluxSubscriptionTest extends OnFluxServer {

    @Test
    void eachUserFollowsTheirOwnTopicAndTheSharedOneAndResumesInBoth() throws Exception {
        spout = WebFluxSpout.create();
        spout.topicPattern("user/*", t -> t.history(100, Duration.ofMinutes(5)));
        Topic everyone = spout.topic("everyone", t -> t.history(100, Duration.ofMinutes(5)));
        server = FluxServer.start(route().GET(
                        "/notifications",
                        spout.subscriptionHandler(request -> request.user()
                                .<Subscription>map(user -> Subscription.to(spout.topic("user/" + user), everyone)
                                        .typedByTopic())
                                .orElse(Subscription.refuse(Access.UNAUTHORIZED))))
                .build());

        assertThat(status("/notifications", Map.of())).isEqualTo(401);
        String resumeAt;
        try (var ann = SseTestClient.open(server.uri("/notifications"), Map.of("X-User", "ann"));
                var bob = SseTestClient.open(server.uri("/notifications"), Map.of("X-User", "bob"))) {
            Await.value("subscribers of everyone", everyone::subscribers, 2);
            spout.topic("user/ann").publish("for ann");
            spout.topic("user/bob").publish("for bob");
            everyone.publish("for all");
            assertThat(ann.next(2, WAIT))
                    .extracting(Event::type, Event::data)
                    .as("typed by topic; two topics' events come in either order")
                    .containsExactlyInAnyOrder(tuple("user/ann", "for ann"), tuple("everyone", "for all"));
            List<Event> bobs = bob.next(2, WAIT);
            assertThat(bobs).extracting(Event::data).containsExactlyInAnyOrder("for bob", "for all");
            resumeAt = bobs.getLast().lastEventId();
        }
        spout.publish(SseEvent.of("both"), List.of(spout.topic("user/bob"), everyone));
        try (var back =
                SseTestClient.open(server.uri("/notifications"), Map.of("X-User", "bob", "Last-Event-ID", resumeAt))) {
            assertThat(back.next(1, WAIT))
                    .as("exactly what followed the last id it saw: the event of both topics, once")
                    .extracting(Event::data)
                    .containsExactly("both");
        }
    }

    /** A controller's own choice, and the path variables and principal it is made from. */
    @Test
    void aSubscriptionChosenByTheApplicationKeepsItsTopicsAuthorizers() throws Exception {
        spout = WebFluxSpout.create();
        Topic open = spout.topic("open");
        Topic closed = spout.topic("closed", t -> t.authorize(request -> Access.FORBIDDEN));
        Topic mine = spout.topic(
                "mine",
                t -> t.authorize(request -> request.user()
                        .map(user -> user.equals(request.pathParameter("owner").orElse(""))
                                ? Access.ALLOW
                                : Access.FORBIDDEN)
                        .orElse(Access.UNAUTHORIZED)));
        server = FluxServer.start(route().GET(
                        "/open", request -> stream(spout.events(request.exchange(), Subscription.to(open))))
                .GET("/both", request -> stream(spout.events(request.exchange(), Subscription.to(open, closed))))
                .GET("/owned/{owner}", request -> stream(spout.events(request.exchange(), mine)))
                .build());

        assertThat(status("/both", Map.of()))
                .as("one forbidden topic refuses the stream")
                .isEqualTo(403);
        assertThat(status("/owned/ann", Map.of())).as("nobody signed in").isEqualTo(401);
        assertThat(status("/owned/ann", Map.of("X-User", "bob")))
                .as("not the owner")
                .isEqualTo(403);
        try (var ann = SseTestClient.open(server.uri("/owned/ann"), Map.of("X-User", "ann"));
                var anyone = SseTestClient.open(server.uri("/open"))) {
            assertThat(ann.status()).isEqualTo(200);
            assertThat(anyone.status()).isEqualTo(200);
            Await.value("subscribers", mine::subscribers, 1);
            Await.value("subscribers", open::subscribers, 1);
            mine.publish("ann's");
            open.publish("everyone's");
            assertThat(ann.next(WAIT).data()).isEqualTo("ann's");
            assertThat(anyone.next(WAIT).data()).isEqualTo("everyone's");
        }
    }

    /** As curl, Python's requests, Node's fetch and Go's client ask: any type, or no Accept at all. */
    @Test
    void curlAndHttpLibrariesGetTheStream() throws Exception {
        spout = WebFluxSpout.create();
        Topic feed = spout.topic("feed");
        server = FluxServer.start(route().GET("/feed", spout.handler(feed)).build());
        try (var curl = SseTestClient.open(server.uri("/feed"), Map.of("Accept", "*/*"));
                var bare = SseTestClient.open(server.uri("/feed"), Map.of("Accept", ""))) {
            assertThat(curl.status()).isEqualTo(200);
            assertThat(bare.status()).isEqualTo(200);
            Await.value("subscribers", feed::subscribers, 2);
            feed.publish("for everyone");
            assertThat(curl.next(WAIT).data()).isEqualTo("for everyone");
            assertThat(bare.next(WAIT).data()).isEqualTo("for everyone");
        }
    }

    @Test
    void requestsThatAreNotAnEventStreamsGetOrAreOverTheLimitsAreRefused() throws Exception {
        spout = WebFluxSpout.create(options -> options.maxStreams(1).retryAfter(Duration.ofSeconds(7)));
        Topic feed = spout.topic("feed");
        server = FluxServer.start(route().GET("/feed", spout.handler(feed))
                .POST("/feed", spout.handler(feed))
                .build());

        assertThat(status("/feed", Map.of("Accept", "text/html"))).isEqualTo(406);

        var post = Refusal.of(HttpClient.newHttpClient(), server.uri("/feed"), "POST", Map.of());
        assertThat(post.status()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).hasValue("GET");
        try (var first = SseTestClient.open(server.uri("/feed"))) {
            assertThat(first.status()).isEqualTo(200);
            var second = send("/feed", Map.of());
            assertThat(second.status()).isEqualTo(503);
            assertThat(second.headers().firstValue("Retry-After")).hasValue("7");
        }
        assertThat(spout.stats().rejectedStreams()).isEqualTo(1);
    }

    private static Mono<ServerResponse> stream(Flux<ServerSentEvent<String>> events) {
        return ServerResponse.ok().contentType(MediaType.TEXT_EVENT_STREAM).body(events, ServerSentEvent.class);
    }

    private int status(String path, Map<String, String> headers) {
        return send(path, headers).status();
    }

    /** The answer to a GET of the path; a stream that opens (a refusal that does not happen) returns at once. */
    private Refusal send(String path, Map<String, String> headers) {
        return Refusal.of(server.uri(path), headers);
    }
}
