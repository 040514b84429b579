package dev.spout.hub;

import static dev.spout.hub.Tokens.PUBLISHER_KEY;
import static dev.spout.hub.Tokens.SUBSCRIBER_KEY;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spout.server.Spout;
import dev.spout.testkit.Await;
import dev.spout.testkit.SseTestClient;
import dev.spout.testkit.SseTestClient.Event;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The hub over real HTTP: publishers post forms with tokens, subscribers read streams with {@link SseTestClient};
 * every refusal (RFC 6750's challenges), private updates, selectors of both generations, resuming.
 */
class HubTest {
    static final Duration WAIT = Duration.ofSeconds(10);
    static final String BOOKS = "https://example.com/books/{id}";
    static final String PUBLISHER = Tokens.legacy(PUBLISHER_KEY, List.of("*"), List.of());

    Spout app;
    HttpClient http;

    @BeforeEach
    void start() {
        app = Spout.create(options -> options.cors(List.of("https://app.example.com"), true));
        MercureHub.mount(
                app,
                hub -> hub.publisherKey("HS256", PUBLISHER_KEY)
                        .subscriberKey("HS256", SUBSCRIBER_KEY)
                        .anonymous(true)
                        .maxUpdateBytes(4096));
        app.start("127.0.0.1", 0);
        http = HttpClient.newHttpClient();
    }

    @AfterEach
    void stop() {
        http.close();
        app.close();
    }

    HttpResponse<String> publish(String token, String... fields) throws Exception {
        var form = new StringBuilder();
        for (int i = 0; i < fields.length; i += 2) {
            form.append(form.isEmpty() ? "" : "&")
                    .append(URLEncoder.encode(fields[i], UTF_8))
                    .append('=')
                    .append(URLEncoder.encode(fields[i + 1], UTF_8));
        }
        var request = HttpRequest.newBuilder(app.uri(MercureHub.PATH))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString()));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    String published(String... fields) throws Exception {
        var answer = publish(PUBLISHER, fields);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
        return answer.body();
    }

    URI hub(String... query) {
        var joined = new StringBuilder();
        for (int i = 0; i < query.length; i += 2) {
            joined.append(joined.isEmpty() ? "?" : "&")
                    .append(query[i])
                    .append('=')
                    .append(URLEncoder.encode(query[i + 1], UTF_8));
        }
        return app.uri(MercureHub.PATH + joined);
    }

    SseTestClient subscribe(String token, String... query) {
        Map<String, String> headers = token == null ? Map.of() : Map.of("Authorization", "Bearer " + token);
        var client = SseTestClient.open(hub(query), headers);
        assertThat(client.status()).isEqualTo(200);
        return client;
    }

    HttpResponse<String> get(URI uri, Map<String, String> headers) throws Exception {
        var request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream");
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    void awaitSubscribers(int count) {
        Await.until(count + " subscribers", () -> app.topic("mercure").subscribers() == count);
    }

    @Test
    void anUpdateReachesItsSubscribersWithTheIdThePublisherWasGiven() throws Exception {
        try (var books = subscribe(null, "match", "https://example.com/books/1");
                var everything = subscribe(null, "match", "*");
                var other = subscribe(null, "match", "https://example.com/books/2")) {
            awaitSubscribers(3);
            String id = published(
                    "topic",
                    "https://example.com/books/1",
                    "data",
                    "{\"title\":\"Dune\"}",
                    "type",
                    "book",
                    "retry",
                    "2500");
            var expected = new Event("book", "{\"title\":\"Dune\"}", id);
            assertThat(books.next(WAIT)).isEqualTo(expected);
            assertThat(everything.next(WAIT)).isEqualTo(expected);
            assertThat(books.retries()).containsExactly(2500L);
            String next = published("topic", "https://example.com/books/2", "data", "line one\nline two");
            assertThat(other.next(WAIT)).isEqualTo(new Event("message", "line one\nline two", next));
            assertThat(everything.next(WAIT).lastEventId()).isEqualTo(next);
            assertThat(books.pending()).isEmpty();
        }
    }

    @Test
    void aPrivateUpdateReachesOnlySubscribersGrantedOneOfItsTopics() throws Exception {
        String granted = Tokens.legacy(SUBSCRIBER_KEY, List.of(), List.of(BOOKS));
        String notGranted = Tokens.legacy(SUBSCRIBER_KEY, List.of(), List.of("https://example.com/users/ann"));
        try (var ann = subscribe(granted, "topic", BOOKS);
                var bob = subscribe(notGranted, "match", "*");
                var anonymous = subscribe(null, "match", "*")) {
            awaitSubscribers(3);
            String secret = published("topic", "https://example.com/books/7", "data", "secret", "private", "on");
            String open = published("topic", "https://example.com/books/8", "data", "open");
            assertThat(ann.next(2, WAIT)).extracting(Event::lastEventId).containsExactly(secret, open);
            assertThat(bob.next(WAIT).lastEventId()).isEqualTo(open);
            assertThat(anonymous.next(WAIT).lastEventId()).isEqualTo(open);
            // an alternate topic that is granted is enough (0.x updates carry several)
            String alternate = published(
                    "topic",
                    "https://example.com/other/1",
                    "topic",
                    "https://example.com/users/ann",
                    "data",
                    "by alternate",
                    "private",
                    "");
            assertThat(bob.next(WAIT).lastEventId()).isEqualTo(alternate);
            assertThat(anonymous.pending()).isEmpty();
        }
    }

    @Test
    void aReconnectingSubscriberResumesFromTheHeaderOrTheQueryAndPrivateUpdatesAreCheckedAgain() throws Exception {
        String first = published("topic", "https://example.com/books/1", "data", "one");
        String secret = published("topic", "https://example.com/books/2", "data", "two", "private", "on");
        String third = published("topic", "https://example.com/books/3", "data", "three");
        String granted = Tokens.legacy(SUBSCRIBER_KEY, List.of(), List.of(BOOKS));
        try (var header = SseTestClient.open(
                hub("topic", BOOKS), Map.of("Authorization", "Bearer " + granted, "Last-Event-ID", first))) {
            assertThat(header.next(2, WAIT)).extracting(Event::lastEventId).containsExactly(secret, third);
        }
        try (var query = subscribe(null, "topic", BOOKS, "last_event_id", first)) { // 1.0's spelling; anonymous
            assertThat(query.next(WAIT).lastEventId()).isEqualTo(third); // the private one is not replayed to it
        }
        try (var legacy = subscribe(granted, "topic", BOOKS, "lastEventID", secret)) { // 0.x's spelling
            assertThat(legacy.next(WAIT).lastEventId()).isEqualTo(third);
        }
        try (var earliest = subscribe(null, "match", "*", "last_event_id", "earliest")) {
            assertThat(earliest.next(2, WAIT)).extracting(Event::lastEventId).containsExactly(first, third);
        }
        try (var headerFirst =
                SseTestClient.open(hub("match", "*", "last_event_id", "earliest"), Map.of("Last-Event-ID", secret))) {
            assertThat(headerFirst.next(WAIT).lastEventId()).isEqualTo(third);
        }
    }

    @Test
    void theResponseSaysWhereTheStreamStarts() throws Exception {
        try (var empty = subscribe(null, "match", "*")) {
            assertThat(empty.headers().firstValue("Mercure-Last-Event-ID")).hasValue("earliest");
        }
        String first = published("topic", "t", "data", "one");
        try (var now = subscribe(null, "match", "*")) {
            assertThat(now.headers().firstValue("Mercure-Last-Event-ID")).hasValue(first);
            assertThat(now.headers().firstValue("Last-Event-ID")).hasValue(first); // for 0.x clients
            String second = published("topic", "t", "data", "two");
            assertThat(now.next(WAIT).lastEventId()).isEqualTo(second);
        }
        try (var resumed = subscribe(null, "match", "*", "last_event_id", first)) {
            assertThat(resumed.headers().firstValue("Mercure-Last-Event-ID")).hasValue(first);
        }
        try (var earliest = subscribe(null, "match", "*", "last_event_id", "earliest")) {
            assertThat(earliest.headers().firstValue("Mercure-Last-Event-ID")).hasValue("earliest");
            assertThat(earliest.next(WAIT).lastEventId()).isEqualTo(first);
        }
    }

    /**
     * What the Mercure project's conformance suite checks, as it does it: a 1.0 access token granting by the
     * specification's detail type (no {@code sub}), the publisher's own id (given twice: the suite reuses ids) on the
     * wire and in the answer, data of several lines with an empty one and leading spaces, anonymous subscribers by
     * exact and URL-pattern selectors, a private update to none of them.
     */
    @Test
    void whatTheConformanceSuiteChecks() throws Exception {
        String token = Tokens.sign(
                PUBLISHER_KEY,
                new com.nimbusds.jose.JOSEObjectType("at+jwt"),
                new com.nimbusds.jwt.JWTClaimsSet.Builder()
                        .audience("https://localhost/.well-known/mercure")
                        .issuer("https://localhost")
                        .expirationTime(java.util.Date.from(Instant.parse("2100-01-01T00:00:00Z")))
                        .claim(
                                "authorization_details",
                                List.of(
                                        Map.of(
                                                "type",
                                                "https://mercure.rocks/authorization-detail",
                                                "actions",
                                                List.of("publish"),
                                                "topics",
                                                List.of(Map.of("match", "*"))),
                                        Map.of(
                                                "type",
                                                "https://mercure.rocks/authorization-detail",
                                                "actions",
                                                List.of("subscribe"),
                                                "topics",
                                                List.of(Map.of("match", "*")))))
                        .build());
        String topic = "https://example.net/foo/3f9a";
        String id = "id-[\"" + topic + "\"]";
        String data = "data for\n\n        URI";
        try (var exact = subscribe(null, "match", "foo", "match", topic);
                var pattern = subscribe(null, "match_urlpattern", "https://example.net/foo/:random")) {
            awaitSubscribers(2);
            var answer = publish(token, "topic", topic, "id", id, "data", data, "private", "on");
            assertThat(answer.statusCode()).isEqualTo(200);
            answer = publish(token, "topic", topic, "id", id, "data", data);
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).isEqualTo(id);
            assertThat(exact.next(WAIT)).isEqualTo(new Event("message", data, id)); // not the private one
            assertThat(pattern.next(WAIT)).isEqualTo(new Event("message", data, id));
            assertThat(exact.pending()).isEmpty();
        }
        // an id given twice names its first update: a client resuming after it gets the second
        try (var resumed = subscribe(
                Tokens.legacy(SUBSCRIBER_KEY, List.of(), List.of("*")), "match", topic, "last_event_id", id)) {
            assertThat(resumed.next(WAIT).data()).isEqualTo(data);
            assertThat(resumed.pending()).isEmpty();
        }
    }

    @Test
    void selectorsOfBothGenerationsManyInOneStream() throws Exception {
        try (var several = subscribe(
                null,
                "match",
                "https://example.com/a",
                "topic",
                "https://example.com/b/{x}",
                "match_exact",
                "https://example.com/c")) {
            awaitSubscribers(1);
            published("topic", "https://example.com/a", "data", "a");
            published("topic", "https://example.com/b", "data", "not b/{x}");
            published("topic", "https://example.com/b/1", "data", "b");
            published("topic", "https://example.com/c", "data", "c");
            assertThat(several.next(3, WAIT)).extracting(Event::data).containsExactly("a", "b", "c");
            assertThat(several.pending()).isEmpty();
        }
    }

    @Test
    void aUrlPatternSelectsTopicsAsTheWhatwgStandardMatchesThem() throws Exception {
        try (var books = subscribe(null, "match_urlpattern", "https://example.com/books/:id");
                var legacySpelling = subscribe(null, "matchURLPattern", "https://*.example.com/authors/*")) {
            awaitSubscribers(2);
            published("topic", "https://example.com/books/1", "data", "book 1");
            published("topic", "https://example.com/books/1/reviews", "data", "not a book");
            published("topic", "https://eu.example.com/authors/ann", "data", "author");
            published("topic", "HTTPS://EXAMPLE.COM:443/books/2", "data", "book 2"); // the same URL, canonically
            assertThat(books.next(2, WAIT)).extracting(Event::data).containsExactly("book 1", "book 2");
            assertThat(legacySpelling.next(WAIT).data()).isEqualTo("author");
            assertThat(books.pending()).isEmpty();
        }
        // a relative pattern, and relative topics, are resolved against the hub's own URL, as the protocol says
        try (var relative = subscribe(null, "match_urlpattern", "/books/:id")) {
            awaitSubscribers(1);
            published("topic", "http://127.0.0.1:" + app.port() + "/books/3", "data", "absolute");
            published("topic", "/books/4", "data", "relative");
            published("topic", "https://example.com/books/5", "data", "another site's");
            assertThat(relative.next(2, WAIT)).extracting(Event::data).containsExactly("absolute", "relative");
            assertThat(relative.pending()).isEmpty();
        }
        assertThat(get(hub("match_urlpattern", "books/:id"), Map.of()).statusCode())
                .isEqualTo(400);
    }

    @Test
    void aMercure10AccessTokenPublishesAndSubscribesByItsAuthorizationDetails() throws Exception {
        String publisher = Tokens.accessToken(
                PUBLISHER_KEY,
                List.of("publish"),
                List.of(Map.of("match", "https://example.com/books/1")),
                Instant.now().plusSeconds(600));
        String subscriber = Tokens.accessToken(
                SUBSCRIBER_KEY,
                List.of("subscribe"),
                List.of(Map.of("match", "*")),
                Instant.now().plusSeconds(600));
        try (var reader = subscribe(subscriber, "match", "*")) {
            awaitSubscribers(1);
            var answer = publish(publisher, "topic", "https://example.com/books/1", "data", "x", "private", "on");
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(reader.next(WAIT).lastEventId()).isEqualTo(answer.body());
            assertThat(publish(publisher, "topic", "https://example.com/books/2", "data", "x")
                            .statusCode())
                    .isEqualTo(403);
        }
        String expired = Tokens.accessToken(
                SUBSCRIBER_KEY,
                List.of("subscribe"),
                List.of(Map.of("match", "*")),
                Instant.now().minusSeconds(600));
        var refused = get(hub("match", "*"), Map.of("Authorization", "Bearer " + expired));
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(challenge -> assertThat(challenge).contains("error=\"invalid_token\""));
    }

    @Test
    void aStreamEndsWhenItsTokenExpires() throws Exception {
        String shortLived = Tokens.accessToken(
                SUBSCRIBER_KEY,
                List.of("subscribe"),
                List.of(Map.of("match", "*")),
                Instant.now().plusSeconds(4)); // whole seconds in a JWT: 3 to 4 s from now
        try (var reader = subscribe(shortLived, "match", "*");
                var anonymous = subscribe(null, "match", "*")) {
            awaitSubscribers(2);
            String id = published("topic", "t", "data", "before");
            assertThat(reader.next(WAIT).lastEventId()).isEqualTo(id);
            assertThat(reader.awaitEnd(WAIT)).as("ended at its token's exp").isTrue();
            assertThat(anonymous.isEnded()).isFalse();
        }
    }

    @Test
    void aTokenMayComeInACookieOfEitherGeneration() throws Exception {
        String granted = Tokens.legacy(SUBSCRIBER_KEY, List.of(), List.of("*"));
        for (String cookie : List.of("__Secure-mercure_access_token", "mercureAccessToken", "mercureAuthorization")) {
            try (var reader =
                    SseTestClient.open(hub("match", "*"), Map.of("Cookie", "other=1; " + cookie + "=" + granted))) {
                awaitSubscribers(1);
                String id = published("topic", "https://example.com/p", "data", cookie, "private", "on");
                assertThat(reader.next(WAIT).lastEventId()).as(cookie).isEqualTo(id);
            }
            Await.until("the reader gone", () -> app.topic("mercure").subscribers() == 0);
        }
        var publishedByCookie = http.send(
                HttpRequest.newBuilder(app.uri(MercureHub.PATH))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Cookie", "mercureAuthorization=" + PUBLISHER)
                        .POST(HttpRequest.BodyPublishers.ofString("topic=t&data=d"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(publishedByCookie.statusCode()).isEqualTo(200);
    }

    @Test
    void everyRefusalOfAPublisherSaysWhyWithTheRightStatus() throws Exception {
        var noToken = publish(null, "topic", "t", "data", "d");
        assertThat(noToken.statusCode()).isEqualTo(401);
        assertThat(noToken.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(challenge -> assertThat(challenge)
                        .startsWith("Bearer realm=\"mercure\"")
                        .contains("resource_metadata=\"http://127.0.0.1:" + app.port()
                                + "/.well-known/oauth-protected-resource/.well-known/mercure\""));
        var forged = publish(
                Tokens.legacy("another secret that is long enough!!", List.of("*"), List.of()),
                "topic",
                "t",
                "data",
                "d");
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(forged.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(c -> assertThat(c).contains("error=\"invalid_token\""));
        var subscriberKeyForPublishing = publish(Tokens.legacy(SUBSCRIBER_KEY, List.of("*"), List.of()), "topic", "t");
        assertThat(subscriberKeyForPublishing.statusCode()).isEqualTo(401);
        var notGranted = publish(
                Tokens.legacy(PUBLISHER_KEY, List.of("https://example.com/{x}"), List.of()),
                "topic",
                "https://other.example/1",
                "data",
                "d");
        assertThat(notGranted.statusCode()).isEqualTo(403);
        assertThat(notGranted.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(c -> assertThat(c).contains("error=\"insufficient_scope\""));
        Map<Integer, List<List<String>>> refusals = Map.of(
                400,
                        List.of(
                                List.of("data", "no topic"),
                                List.of("topic", "t", "retry", "soon"),
                                List.of("topic", "t", "id", "earliest"),
                                List.of("topic", "t", "data", "a", "data", "b"),
                                List.of("topic", "/.well-known/mercure/subscriptions/x"),
                                List.of("topic", "t", "type", "mercure")),
                413, List.of(List.of("topic", "t", "data", "x".repeat(5000))));
        for (var status : refusals.entrySet()) {
            for (List<String> fields : status.getValue()) {
                var answer = publish(PUBLISHER, fields.toArray(String[]::new));
                assertThat(answer.statusCode()).as(fields.toString()).isEqualTo(status.getKey());
                assertThat(answer.body()).as(fields.toString()).isNotBlank();
            }
        }
        var json = http.send(
                HttpRequest.newBuilder(app.uri(MercureHub.PATH))
                        .header("Authorization", "Bearer " + PUBLISHER)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"topic\":\"t\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(json.statusCode()).isEqualTo(415);
        assertThat(app.topic("mercure").stats().published()).isZero(); // nothing refused was published
    }

    @Test
    void everyRefusalOfASubscriberIsDecidedBeforeTheFirstByte() throws Exception {
        Map<String, Integer> refused = new HashMap<>();
        refused.put(MercureHub.PATH, 400); // no selector
        refused.put(MercureHub.PATH + "?matchRegexp=.*", 400); // a matcher this hub does not know
        refused.put(MercureHub.PATH + "?topic=" + URLEncoder.encode("https://e.com/{", UTF_8), 400);
        refused.put(MercureHub.PATH + "?match=*&authorization=not.a.token", 401);
        for (var each : refused.entrySet()) {
            var answer = get(app.uri(each.getKey()), Map.of());
            assertThat(answer.statusCode()).as(each.getKey()).isEqualTo(each.getValue());
            assertThat(answer.headers().firstValue("Content-Type").orElse(""))
                    .as(each.getKey())
                    .doesNotContain("event-stream");
        }
        var badHeader = get(hub("match", "*"), Map.of("Authorization", "Basic YW5uOnNlY3JldA=="));
        assertThat(badHeader.statusCode()).isEqualTo(400);
        assertThat(badHeader.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(c -> assertThat(c).contains("invalid_request"));
    }

    @Test
    void withoutAnonymousSubscribersATokenIsNeeded() throws Exception {
        app.close();
        app = Spout.create();
        MercureHub.mount(app, hub -> hub.publisherKey("HS256", PUBLISHER_KEY).subscriberKey("HS256", SUBSCRIBER_KEY));
        app.start("127.0.0.1", 0);
        var anonymous = get(hub("match", "*"), Map.of());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(c -> assertThat(c).startsWith("Bearer realm=\"mercure\""));
        try (var ann = subscribe(Tokens.legacy(SUBSCRIBER_KEY, List.of(), List.of("*")), "match", "*")) {
            assertThat(ann.status()).isEqualTo(200);
        }
    }

    @Test
    void aPageOfAListedOriginMayPublishWithItsToken() throws Exception {
        var preflight = http.send(
                HttpRequest.newBuilder(app.uri(MercureHub.PATH))
                        .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                        .header("Origin", "https://app.example.com")
                        .header("Access-Control-Request-Method", "POST")
                        .header("Access-Control-Request-Headers", "authorization, content-type")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin"))
                .hasValue("https://app.example.com");
        assertThat(preflight
                        .headers()
                        .firstValue("Access-Control-Allow-Headers")
                        .orElse(""))
                .containsIgnoringCase("authorization");
        var elsewhere = http.send(
                HttpRequest.newBuilder(app.uri(MercureHub.PATH))
                        .header("Origin", "https://evil.example")
                        .header("Authorization", "Bearer " + PUBLISHER)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("topic=t&data=d"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(elsewhere.statusCode()).isEqualTo(403);
        assertThat(elsewhere.headers().firstValue("Access-Control-Allow-Origin"))
                .isEmpty();
    }

    @Test
    void theHubDescribesItselfAndALinkPointsToIt() throws Exception {
        var metadata = http.send(
                HttpRequest.newBuilder(app.uri("/.well-known/oauth-protected-resource/.well-known/mercure"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(metadata.body())
                .contains("\"resource\":\"http://127.0.0.1:" + app.port() + "/.well-known/mercure\"")
                .contains("\"bearer_methods_supported\":[\"header\"]")
                .contains("\"authorization_details_types_supported\":[\"https://mercure.rocks/authorization-detail\"]");
        assertThat(MercureHub.link(URI.create("https://hub.example.com/.well-known/mercure")))
                .isEqualTo("<https://hub.example.com/.well-known/mercure>; rel=\"mercure\"");
    }
}
