package dev.spout.server;

import static dev.spout.html.Html.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spout.engine.auth.Authorizer;
import dev.spout.server.page.AjaxOptions;
import dev.spout.server.page.PageOptions;
import dev.spout.testkit.SseTestClient;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Sessions and CSRF: forged or missing tokens and missing sessions are refused, and handlers never see them. */
class SessionAndCsrfTest {
    final Spout app = Spout.create();
    final AtomicInteger calls = new AtomicInteger();
    WebClient browser;

    @BeforeEach
    void start() {
        app.page("/login", PageOptions.defaults().methods("GET", "POST"), page -> {
            var user = page.request().formParameter("user");
            if (user.isPresent()) {
                page.request().signIn(user.get());
                return page.redirectToNext("/");
            }
            return text("login form");
        });
        app.page(
                "/private",
                PageOptions.defaults().requireUser(),
                page -> text("hello " + page.request().user().orElseThrow()));
        app.page("/clicker", page -> {
            page.ajax("click", "#b", "click", ajax -> calls.incrementAndGet());
            page.ajax(
                    "preview",
                    "#p",
                    "input",
                    AjaxOptions.defaults().method("GET").field("text", "#draft"),
                    ajax -> ajax.respondText("preview of "
                            + ajax.request().queryParameter("text").orElse("")));
            return text("clicker");
        });
        app.page("/confused", page -> {
            page.ajax("click", "#b", "click", AjaxOptions.defaults().method("GET"), ajax -> calls.incrementAndGet());
            return text("never rendered");
        });
        app.ssePage(
                "/live",
                PageOptions.defaults().requireUser(),
                page -> text("live"),
                "/live/sse",
                sse -> sse.send(sse.request().user().orElse("?")));
        app.sse("/topic", app.topic("private", t -> t.authorize(Authorizer.requireUser())));
        app.start("127.0.0.1", 0);
        browser = new WebClient(app.uri("/"));
    }

    @AfterEach
    void stop() {
        browser.close();
        app.close();
    }

    @Test
    void aPageThatNeedsASessionSendsAStrangerToLoginWithTheWayBack() throws Exception {
        var refused = browser.get("/private?tab=2");
        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(refused.headers().firstValue("Location").orElseThrow()).endsWith("/login?next=%2Fprivate%3Ftab%3D2");

        var login = browser.post("/login?next=/private", "user=ann", null, null);
        assertThat(login.statusCode()).isEqualTo(303);
        assertThat(login.headers().firstValue("Location").orElseThrow()).endsWith("/private");
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie)
                .startsWith("SPOUT_SESSION=")
                .contains("HttpOnly")
                .containsIgnoringCase("SameSite=Lax")
                .contains("Path=/");
        assertThat(cookie.substring("SPOUT_SESSION=".length(), cookie.indexOf(';')))
                .hasSizeGreaterThanOrEqualTo(43);

        assertThat(browser.get("/private").body()).contains("hello ann");
    }

    @Test
    void streamsOfSessionPagesAndSessionTopicsRefuseStrangers() throws Exception {
        var stranger = java.net.http.HttpClient.newHttpClient();
        try {
            var refused = stranger.send(
                    java.net.http.HttpRequest.newBuilder(app.uri("/live/sse"))
                            .header("Accept", "text/event-stream")
                            .build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).isEqualTo(401);
        } finally {
            stranger.close();
        }
        browser.post("/login", "user=bob", null, null);
        try (var stream = SseTestClient.open(browser.http, app.uri("/live/sse"), java.util.Map.of())) {
            assertThat(stream.next(java.time.Duration.ofSeconds(5)).data()).isEqualTo("bob");
        }
        try (var stream = SseTestClient.open(browser.http, app.uri("/topic"), java.util.Map.of())) {
            assertThat(stream.status()).isEqualTo(200);
        }
    }

    @Test
    void ajaxWithTheRightTokenReachesItsHandler() throws Exception {
        browser.get("/clicker");
        assertThat(browser.ajax("/ajax/click", "").statusCode()).isEqualTo(204);
        assertThat(calls.get()).isEqualTo(1);
    }

    @Test
    void aMissingTokenIsRefused() throws Exception {
        browser.get("/clicker");
        assertThat(browser.post("/ajax/click", "", null, null).statusCode()).isEqualTo(403);
        assertThat(calls.get()).isZero();
    }

    @Test
    void aForgedTokenIsRefused() throws Exception {
        browser.get("/clicker");
        assertThat(browser.post("/ajax/click", "", "forged-" + browser.csrfToken, null)
                        .statusCode())
                .isEqualTo(403);
        assertThat(calls.get()).isZero();
    }

    @Test
    void anotherSitesOriginIsRefusedEvenWithTheToken() throws Exception {
        browser.get("/clicker");
        var response = browser.post("/ajax/click", "", browser.csrfToken, "https://evil.example");
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("Cross-origin");
        assertThat(calls.get()).isZero();
    }

    @Test
    void aPostEndpointAnswersNoOtherMethodSoACrossSiteGetChangesNothing() throws Exception {
        browser.get("/clicker");
        for (String method : new String[] {"GET", "HEAD", "PUT", "DELETE"}) {
            var response = browser.send(java.net.http.HttpRequest.newBuilder(app.uri("/ajax/click"))
                    .header("Origin", "http://evil.example")
                    .method(method, java.net.http.HttpRequest.BodyPublishers.noBody()));
            assertThat(response.statusCode()).as(method).isEqualTo(405);
            assertThat(response.headers().firstValue("Allow")).as(method).hasValue("POST");
        }
        assertThat(calls.get()).isZero();
    }

    @Test
    void anEndpointDeclaredGetAnswersReadsWithoutATokenAndNothingElse() throws Exception {
        browser.get("/clicker");
        var read = browser.get("/ajax/preview?text=draft");
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).isEqualTo("preview of draft");
        assertThat(browser.ajax("/ajax/preview", "text=x").statusCode())
                .as("a GET endpoint takes no POST")
                .isEqualTo(405);
    }

    @Test
    void aBindingThatAsksAnotherMethodOfAnEndpointIsRefused() throws Exception {
        browser.get("/clicker"); // registers /ajax/click for POST
        try (var logs = new LogCapture()) {
            assertThat(browser.get("/confused").statusCode()).isEqualTo(500);
            assertThat(logs.errors())
                    .singleElement()
                    .satisfies(
                            e -> assertThat(e.getThrowableProxy().getMessage()).contains("/ajax/click answers POST"));
        }
        assertThat(browser.get("/ajax/click").statusCode()).isEqualTo(405);
        assertThat(calls.get()).isZero();
    }

    @Test
    void twoBindingsWithDifferentHandlersCannotShareAPathButOnePageRendersAgainAndAgain() throws Exception {
        app.page("/other", page -> {
            page.ajax("click", "#c", "click", ajax -> calls.addAndGet(100)); // another handler for /ajax/click
            return text("other");
        });
        assertThat(browser.get("/clicker").statusCode()).isEqualTo(200);
        assertThat(browser.get("/clicker").statusCode())
                .as("the same binding, rendered again")
                .isEqualTo(200);
        try (var logs = new LogCapture()) {
            assertThat(browser.get("/other").statusCode()).isEqualTo(500);
            assertThat(logs.errors())
                    .singleElement()
                    .satisfies(e ->
                            assertThat(e.getThrowableProxy().getMessage()).contains("bound by two different handlers"));
        }
        assertThat(browser.ajax("/ajax/click", "").statusCode()).isEqualTo(204);
        assertThat(calls.get())
                .as("the first binding's handler, never the other's")
                .isEqualTo(1);
    }

    @Test
    void withoutASessionNoTokenCanBeValid() throws Exception {
        var stranger = new WebClient(app.uri("/"));
        try {
            browser.get("/clicker"); // another browser's token
            assertThat(stranger.post("/ajax/click", "", browser.csrfToken, null).statusCode())
                    .isEqualTo(403);
            assertThat(calls.get()).isZero();
        } finally {
            stranger.close();
        }
    }

    @Test
    void signingOutEndsTheSession() throws Exception {
        browser.post("/login", "user=ann", null, null);
        assertThat(browser.get("/private").statusCode()).isEqualTo(200);
        app.page("/logout", PageOptions.defaults().methods("POST"), page -> {
            page.request().signOut();
            return page.redirect("/login");
        });
        browser.post("/logout", "", null, null);
        assertThat(browser.get("/private").statusCode()).isEqualTo(302);
    }
}
