package dev.spout.hub;

import static dev.spout.hub.Tokens.PUBLISHER_KEY;
import static dev.spout.hub.Tokens.SUBSCRIBER_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.spout.server.Spout;
import dev.spout.testkit.Await;
import dev.spout.testkit.SseTestClient;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Mercure's active subscriptions: the events when a subscription starts and ends, and the API that lists them. */
class HubSubscriptionsTest {
    static final Duration WAIT = Duration.ofSeconds(10);
    static final String BOOK = "https://example.com/books/1";
    static final JsonMapper JSON = JsonMapper.shared();

    Spout app;
    HttpClient http;
    final String watcher = Tokens.legacy(SUBSCRIBER_KEY, List.of(), List.of("*"));
    final String ann = Tokens.sign(
            SUBSCRIBER_KEY,
            JOSEObjectType.JWT,
            new JWTClaimsSet.Builder()
                    .claim(
                            "mercure",
                            Map.of(
                                    "subscribe",
                                    List.of("https://example.com/books/{id}"),
                                    "payload",
                                    Map.of("user", "ann")))
                    .build());

    @BeforeEach
    void start() {
        app = Spout.create();
        MercureHub.mount(
                app,
                hub -> hub.publisherKey("HS256", PUBLISHER_KEY)
                        .subscriberKey("HS256", SUBSCRIBER_KEY)
                        .subscriptions(true));
        app.start("127.0.0.1", 0);
        http = HttpClient.newHttpClient();
    }

    @AfterEach
    void stop() {
        http.close();
        app.close();
    }

    SseTestClient subscribe(String token, String query) {
        return SseTestClient.open(app.uri(MercureHub.PATH + "?" + query), Map.of("Authorization", "Bearer " + token));
    }

    HttpResponse<String> api(String path, String token) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(app.uri("/") + path.substring(1)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String escape(String part) {
        return URLEncoder.encode(part, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Test
    void aSubscriptionIsAnnouncedWhenItStartsAndEndsAndListedWhileItLasts() throws Exception {
        try (var watching = subscribe(watcher, "match=*")) {
            Await.until("the watcher subscribed", () -> app.topic("mercure").subscribers() == 1);
            var own = watching.next(WAIT); // its own subscription, announced to itself
            assertThat(own.type()).isEqualTo("mercure");
            JsonNode annStarted;
            String subscription;
            try (var reader = subscribe(ann, "match=" + escape(BOOK))) {
                var started = watching.next(WAIT);
                assertThat(started.type()).isEqualTo("mercure");
                annStarted = JSON.readTree(started.data());
                subscription = annStarted.get("id").asString();
                assertThat(subscription)
                        .startsWith("/.well-known/mercure/subscriptions/exact/"
                                + "https%3A%2F%2Fexample.com%2Fbooks%2F1/urn%3Auuid%3A");
                assertThat(annStarted.get("type").asString()).isEqualTo("subscription");
                assertThat(annStarted.get("match").asString()).isEqualTo(BOOK);
                assertThat(annStarted.get("match_type").asString()).isEqualTo("exact");
                assertThat(annStarted.get("active").asBoolean()).isTrue();
                assertThat(annStarted.get("payload").get("user").asString()).isEqualTo("ann");
                assertThat(reader.pending())
                        .as("ann is not granted the subscription topics")
                        .isEmpty();

                var list = api(ActiveSubscriptionsPaths.ALL, watcher);
                assertThat(list.statusCode()).isEqualTo(200);
                assertThat(list.headers().firstValue("Link"))
                        .hasValueSatisfying(link -> assertThat(link)
                                .startsWith("</.well-known/mercure>; rel=\"mercure\"; last-event-id=\""));
                JsonNode all = JSON.readTree(list.body());
                assertThat(all.get("type").asString()).isEqualTo("subscriptions");
                assertThat(all.get("subscriptions")
                                .valueStream()
                                .map(s -> s.get("id").asString()))
                        .contains(subscription);

                // a selector with a slash is escaped as %2F, which Jetty refuses in a path (an ambiguous separator)
                assertThat(api(subscription, watcher).statusCode()).isEqualTo(400);
            }
            JsonNode ended = JSON.readTree(watching.next(WAIT).data());
            assertThat(ended.get("id").asString()).isEqualTo(subscription);
            assertThat(ended.get("active").asBoolean()).isFalse();
            var after = JSON.readTree(api(ActiveSubscriptionsPaths.ALL, watcher).body());
            assertThat(after.get("subscriptions")
                            .valueStream()
                            .map(s -> s.get("id").asString()))
                    .doesNotContain(subscription);
            try (var raw = SseTestClient.open(
                    app.uri(MercureHub.PATH + "?match=isbn-9780441013593"),
                    Map.of("Authorization", "Bearer " + watcher))) {
                JsonNode started = JSON.readTree(watching.next(WAIT).data());
                String id = started.get("id").asString();
                var one = api(id, watcher);
                assertThat(one.statusCode()).as(one.body()).isEqualTo(200);
                assertThat(JSON.readTree(one.body()).get("subscriber").asString())
                        .isEqualTo(started.get("subscriber").asString());
                var bySelector = api(ActiveSubscriptionsPaths.ALL + "/exact/isbn-9780441013593", watcher);
                assertThat(JSON.readTree(bySelector.body()).get("subscriptions"))
                        .hasSize(1);
            }
            assertThat(JSON.readTree(watching.next(WAIT).data()).get("active").asBoolean())
                    .isFalse();
            assertThat(api("/.well-known/mercure/subscriptions/exact/isbn-9780441013593/urn%3Auuid%3Agone", watcher)
                            .statusCode())
                    .isEqualTo(404);
        }
    }

    @Test
    void theApiIsAuthorizedAsSubscribingIs() throws Exception {
        assertThat(api(ActiveSubscriptionsPaths.ALL, null).statusCode()).isEqualTo(401);
        assertThat(api(ActiveSubscriptionsPaths.ALL, ann).statusCode()).isEqualTo(403);
        assertThat(api(ActiveSubscriptionsPaths.ALL + "/regex/x", watcher).statusCode())
                .isEqualTo(400);
        assertThat(api(ActiveSubscriptionsPaths.ALL, watcher).statusCode()).isEqualTo(200);
        var metadata = http.send(
                HttpRequest.newBuilder(app.uri("/.well-known/oauth-protected-resource/.well-known/mercure"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(metadata.body()).contains("\"mercure_subscriptions\":true");
    }

    /** The paths of the API. */
    static final class ActiveSubscriptionsPaths {
        static final String ALL = "/.well-known/mercure/subscriptions";
    }
}
