package dev.spout.server;

import static dev.spout.html.Html.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spout.engine.auth.Authorizer;
import dev.spout.engine.stream.CloseReason;
import dev.spout.server.auth.SessionStore;
import dev.spout.server.auth.SignInThrottle;
import dev.spout.server.page.PageOptions;
import dev.spout.testkit.Await;
import dev.spout.testkit.SseTestClient;
import java.net.InetAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A session is not a login: only a signed-in user opens protected pages and streams; signing in rotates the session,
 * signing out ends it and its streams; sign-in is throttled and cannot be forged from another site; the way back
 * after sign-in never leaves the site; anonymous sessions are bounded.
 */
class SignInTest {
    private static final Duration WAIT = Await.DEFAULT;
    private Spout app;
    private WebClient browser;
    private final ArrayBlockingQueue<CloseReason> streamEnds = new ArrayBlockingQueue<>(4);

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.close();
        }
        if (app != null) {
            app.close();
        }
    }

    private void start(Consumer<SpoutOptions> settings, SignInThrottle throttle) {
        app = Spout.create(settings);
        app.page("/login", PageOptions.defaults().methods("GET", "POST"), page -> {
            var request = page.request();
            String user = request.formParameter("user").orElse(null);
            if (user == null) {
                return text("sign-in form");
            }
            if (!throttle.waitBefore(request, user).isZero()) {
                return text("too many attempts");
            }
            if (!request.formParameter("password").orElse("").equals("secret")) {
                throttle.failed(request, user);
                return text("wrong password");
            }
            throttle.succeeded(request, user);
            request.signIn(user);
            return page.redirectToNext("/home");
        });
        app.page("/logout", PageOptions.defaults().methods("POST"), page -> {
            page.request().signOut();
            return page.redirect("/login");
        });
        app.page(
                "/private",
                PageOptions.defaults().requireUser(),
                page -> text("hello " + page.request().user().orElseThrow()));
        app.page(
                "/chat",
                page -> { // any visitor of a page with ajax bindings gets an anonymous session
                    page.ajax("say", "#say", "click", ajax -> {});
                    return text("chat");
                });
        app.ssePage("/live", PageOptions.defaults().requireUser(), page -> text("live"), "/live/sse", sse -> {
            sse.onClose(streamEnds::add);
            sse.send("for " + sse.request().user().orElseThrow());
            Thread.sleep(Duration.ofMinutes(5));
        });
        app.sse("/topic", app.topic("private", t -> t.authorize(Authorizer.requireUser())));
        app.start("127.0.0.1", 0);
        browser = new WebClient(app.uri("/"));
    }

    private void start() {
        start(options -> {}, SignInThrottle.create());
    }

    @Test
    void anAnonymousSessionOpensNoProtectedPageOrStream() throws Exception {
        start();
        browser.get("/chat");
        assertThat(browser.csrfToken)
                .as("the chat page started an anonymous session")
                .isNotNull();

        var page = browser.get("/private");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElseThrow()).contains("/login?next=");
        for (String stream : new String[] {"/live/sse", "/topic"}) {
            try (var refused = SseTestClient.open(browser.http, app.uri(stream), Map.of())) {
                assertThat(refused.status()).as(stream).isEqualTo(401);
                assertThat(refused.awaitEnd(WAIT)).isTrue();
                assertThat(refused.pending()).isEmpty();
            }
        }
    }

    @Test
    void signingInStartsAFreshSessionForTheUser() throws Exception {
        start();
        browser.get("/chat");
        String anonymous = browser.cookie("SPOUT_SESSION");

        var signIn = browser.post("/login?next=/private", "user=ann&password=secret", null, null);
        assertThat(signIn.statusCode()).isEqualTo(303);
        assertThat(signIn.headers().firstValue("Location").orElseThrow()).endsWith("/private");
        assertThat(browser.cookie("SPOUT_SESSION")).isNotEqualTo(anonymous);
        assertThat(browser.get("/private").body()).contains("hello ann");

        try (var planted = new WebClient(app.uri("/"))) { // the id from before sign-in is worth nothing now
            planted.setCookie("SPOUT_SESSION", anonymous);
            assertThat(planted.get("/private").statusCode()).isEqualTo(302);
        }
        try (var stream = SseTestClient.open(browser.http, app.uri("/live/sse"), Map.of())) {
            assertThat(stream.next(WAIT).data()).isEqualTo("for ann");
        }
    }

    @Test
    void theWayBackAfterSignInNeverLeavesTheSite() throws Exception {
        start();
        Map<String, String> nextToLocation = Map.of(
                "%2F%2Fevil.example%2Fx", "/home",
                "%2F%5Cevil.example%2Fx", "/home",
                "https%3A%2F%2Fevil.example%2F", "/home",
                "%2F%09%2Fevil.example", "/home",
                "javascript%3Aalert(1)", "/home",
                "%2Fprivate%3Ftab%3D2", "/private?tab=2");
        for (var entry : nextToLocation.entrySet()) {
            try (var client = new WebClient(app.uri("/"))) {
                var signIn = client.post("/login?next=" + entry.getKey(), "user=ann&password=secret", null, null);
                assertThat(signIn.headers().firstValue("Location").orElseThrow())
                        .as("next=%s", entry.getKey())
                        .isEqualTo(entry.getValue());
            }
        }
    }

    @Test
    void aSignInFormPostedFromAnotherSiteIsRefused() throws Exception {
        start();
        var forged = browser.post("/login", "user=mallory&password=secret", null, "https://evil.example");
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(browser.cookie("SPOUT_SESSION")).as("no session was started").isNull();

        var crossSite = browser.send(HttpRequest.newBuilder(app.uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Sec-Fetch-Site", "cross-site")
                .POST(HttpRequest.BodyPublishers.ofString("user=mallory&password=secret")));
        assertThat(crossSite.statusCode()).isEqualTo(403);

        var own = browser.post("/login", "user=ann&password=secret", null, "http://127.0.0.1:" + app.port());
        assertThat(own.statusCode()).isEqualTo(303);
    }

    @Test
    void signingOutIsAPostAndEndsTheUsersStreams() throws Exception {
        start();
        browser.post("/login", "user=ann&password=secret", null, null);
        try (var handlerStream = SseTestClient.open(browser.http, app.uri("/live/sse"), Map.of());
                var topicStream = SseTestClient.open(browser.http, app.uri("/topic"), Map.of())) {
            handlerStream.next(WAIT);
            Await.value("subscribers", () -> app.topic("private").subscribers(), 1);

            assertThat(browser.get("/logout").statusCode())
                    .as("a GET cannot sign anyone out")
                    .isEqualTo(405);
            assertThat(browser.post("/logout", "", null, null).statusCode()).isEqualTo(303);

            assertThat(streamEnds.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS))
                    .isInstanceOf(CloseReason.SessionEnded.class);
            assertThat(handlerStream.awaitEnd(WAIT)).isTrue();
            assertThat(topicStream.awaitEnd(WAIT)).isTrue();
            assertThat(app.openStreams()).isZero();
        }
        assertThat(browser.get("/private").statusCode()).isEqualTo(302);
    }

    @Test
    void failedSignInsAreThrottledPerAddressWhileOtherAddressesMayTry() throws Exception {
        start(options -> {}, SignInThrottle.of(3, Duration.ofMinutes(10)));
        for (int i = 0; i < 3; i++) {
            assertThat(browser.post("/login", "user=ann&password=guess" + i, null, null)
                            .body())
                    .contains("wrong password");
        }
        assertThat(browser.post("/login", "user=ann&password=secret", null, null)
                        .body())
                .as("even the right password waits out the lockout")
                .contains("too many attempts");
        assertThat(browser.cookie("SPOUT_SESSION")).isNull();

        try (var elsewhere = HttpClient.newBuilder()
                .localAddress(InetAddress.getByName("127.0.0.2"))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build()) {
            var response = elsewhere.send(
                    HttpRequest.newBuilder(app.uri("/login"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString("user=ann&password=secret"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("another address signs in").isEqualTo(303);
        }
    }

    @Test
    void anonymousSessionsAreCappedButSignedInOnesSurviveAFlood() throws Exception {
        start(
                options -> options.sessions(SessionStore.inMemory(Duration.ofHours(8), Duration.ofMinutes(30), 50)),
                SignInThrottle.create());
        browser.post("/login", "user=ann&password=secret", null, null);
        String first = null;
        for (int i = 0; i < 200; i++) {
            try (var visitor = new WebClient(app.uri("/"))) {
                visitor.get("/chat");
                if (first == null) {
                    first = visitor.cookie("SPOUT_SESSION");
                }
            }
        }
        try (var returning = new WebClient(app.uri("/"))) {
            returning.setCookie("SPOUT_SESSION", first);
            String dropped = first;
            assertThat(returning.get("/chat").headers().firstValue("Set-Cookie"))
                    .as("the oldest anonymous session was dropped: a new one was started")
                    .hasValueSatisfying(cookie ->
                            assertThat(cookie).startsWith("SPOUT_SESSION=").doesNotContain(dropped));
        }
        assertThat(browser.get("/private").body())
                .as("the signed-in user is still signed in")
                .contains("hello ann");
    }
}
