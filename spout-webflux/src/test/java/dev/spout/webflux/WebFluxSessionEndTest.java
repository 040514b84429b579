package dev.spout.webflux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

import dev.spout.engine.topic.Topic;
import dev.spout.testkit.Await;
import dev.spout.testkit.SseTestClient;
import java.net.CookieManager;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * A stream opened with a started {@code WebSession} ends with the session: at once when the application says it
 * has ended ({@link WebFluxSpout#endSession}), and within a second when it is invalidated or expires, which
 * WebFlux's session store announces to nobody. A stream of another session, or of none, goes on.
 */
class WebFluxSessionEndTest extends OnFluxServer {

    private Topic deploy() {
        spout = WebFluxSpout.create();
        Topic notes = spout.topic("notes");
        server = FluxServer.start(route().POST(
                        "/signin",
                        request -> request.session().flatMap(session -> {
                            session.getAttributes().put("user", "ann");
                            request.queryParam("idle").ifPresent(idle -> session.setMaxIdleTime(Duration.parse(idle)));
                            return ServerResponse.noContent().build();
                        }))
                .POST(
                        "/signout",
                        request -> request.session()
                                .doOnNext(spout::endSession)
                                .then(ServerResponse.noContent().build()))
                .POST(
                        "/invalidate",
                        request -> request.session()
                                .flatMap(session -> session.invalidate())
                                .then(ServerResponse.noContent().build()))
                .GET("/notes", spout.handler(notes))
                .build());
        return notes;
    }

    private int post(HttpClient browser, String path) throws Exception {
        return browser.send(
                        HttpRequest.newBuilder(server.uri(path))
                                .POST(HttpRequest.BodyPublishers.noBody())
                                .timeout(WAIT)
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    static HttpClient browser() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    }

    @Test
    void aSignOutEndsTheSessionsStreamsAtOnceAndNoOthers() throws Exception {
        Topic notes = deploy();
        try (var ann = browser();
                var bob = browser()) {
            assertThat(post(ann, "/signin")).isEqualTo(204);
            assertThat(post(bob, "/signin")).isEqualTo(204);
            try (var annStream = SseTestClient.open(ann, server.uri("/notes"), Map.of());
                    var bobStream = SseTestClient.open(bob, server.uri("/notes"), Map.of());
                    var anonymous = SseTestClient.open(server.uri("/notes"))) {
                Await.value("subscribers", notes::subscribers, 3);
                assertThat(post(ann, "/signout")).isEqualTo(204);
                assertThat(annStream.awaitEnd(WAIT)).isTrue();
                notes.publish("after");
                assertThat(bobStream.next(WAIT).data()).isEqualTo("after");
                assertThat(anonymous.next(WAIT).data()).isEqualTo("after");
                assertThat(annStream.pending()).isEmpty();
            }
        }
    }

    @Test
    void anInvalidatedOrExpiredSessionEndsItsStreams() throws Exception {
        Topic notes = deploy();
        try (var ann = browser();
                var brief = browser()) {
            post(ann, "/signin");
            post(brief, "/signin?idle=PT1S");
            try (var annStream = SseTestClient.open(ann, server.uri("/notes"), Map.of());
                    var briefStream = SseTestClient.open(brief, server.uri("/notes"), Map.of())) {
                Await.value("subscribers", notes::subscribers, 2);
                assertThat(briefStream.awaitEnd(WAIT))
                        .as("a session idle past its time")
                        .isTrue();
                assertThat(post(ann, "/invalidate")).isEqualTo(204);
                assertThat(annStream.awaitEnd(WAIT))
                        .as("an invalidated session")
                        .isTrue();
                Await.value("subscribers", notes::subscribers, 0);
            }
        }
    }
}
