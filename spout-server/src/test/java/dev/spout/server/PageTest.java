package dev.spout.server;

import static dev.spout.html.Html.div;
import static dev.spout.html.Html.id;
import static dev.spout.html.Html.span;
import static dev.spout.html.Html.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spout.server.page.PageOptions;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Pages and ajax endpoints on a real server. */
class PageTest {
    final Spout app = Spout.create();
    final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        app.close();
        http.close();
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(app.uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String form) throws Exception {
        return http.send(
                HttpRequest.newBuilder(app.uri(path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void blockingPagesRunOnVirtualThreadsManyMoreAtOnceThanThePlatformPoolHas() throws Exception {
        int requests = 100; // the platform pool has 16 + 8 per core threads: 32 here
        var arrived = new java.util.concurrent.CountDownLatch(requests);
        var release = new java.util.concurrent.CountDownLatch(1);
        var onPlatformThreads = new java.util.concurrent.atomic.AtomicInteger();
        app.page("/slow", page -> {
            if (!Thread.currentThread().isVirtual()) {
                onPlatformThreads.incrementAndGet();
            }
            arrived.countDown();
            release.await(20, TimeUnit.SECONDS); // a page waiting on a database, say
            return text("done");
        });
        app.start("127.0.0.1", 0);

        var responses = new java.util.ArrayList<java.util.concurrent.CompletableFuture<HttpResponse<String>>>();
        for (int i = 0; i < requests; i++) {
            responses.add(http.sendAsync(
                    HttpRequest.newBuilder(app.uri("/slow")).build(), HttpResponse.BodyHandlers.ofString()));
        }
        boolean allInAtOnce = arrived.await(10, TimeUnit.SECONDS);
        release.countDown();
        assertThat(allInAtOnce)
                .as("all %d pages blocked at the same time", requests)
                .isTrue();
        for (var response : responses) {
            assertThat(response.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        }
        assertThat(onPlatformThreads).hasValue(0);
    }

    @Test
    void rendersTitleCssContentsAndScriptsInTheirPlaces() throws Exception {
        app.page("/client", page -> {
            page.title("Clock <1>");
            page.css("#display { color: blue; }");
            page.cssLink("/style.css");
            page.javascript("var s = '</script><script>alert(1)</script>';");
            page.javascriptUrl("/app.js");
            return div(text("Current time: "), span(id("display")));
        });
        app.start("127.0.0.1", 0);

        var response = get("/client");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html;charset=utf-8");
        String html = response.body();
        assertThat(html).startsWith("<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n");
        assertThat(html).contains("<title>Clock &lt;1&gt;</title>");
        assertThat(html).contains("<link rel=\"stylesheet\" href=\"/style.css\">");
        assertThat(html).contains("<style>#display { color: blue; }</style>");
        assertThat(html).contains("<div>Current time: <span id=\"display\"></span></div>");
        assertThat(html).contains("<script src=\"/app.js\"></script>");
        assertThat(html).contains("<script>var s = '<\\/script><script>alert(1)<\\/script>';</script>");
        assertThat(html.indexOf("<div>Current")).isLessThan(html.indexOf("<script"));
    }

    @Test
    void ajaxBindingsCallTheirHandlerWithTheSessionsToken() throws Exception {
        var calls = new ArrayBlockingQueue<String>(4);
        app.page("/client", page -> {
            page.ajax("one", "#one", "click", ajax -> calls.add("one"));
            page.ajax(
                    "greet",
                    ".greet",
                    "click",
                    ajax -> ajax.respondText(
                            "Hi <" + ajax.request().formParameter("name").orElse("?") + ">"));
            return div(id("one"));
        });
        app.start("127.0.0.1", 0);

        try (var browser = new WebClient(app.uri("/"))) {
            String html = browser.get("/client").body();
            assertThat(html).contains("Spout.bind(\"#one\", \"click\", \"/ajax/one\", {method: \"POST\", args: []});");
            assertThat(html).contains("<script src=\"/_spout/spout.js?v=");
            assertThat(browser.csrfToken).isNotBlank();

            var flip = browser.ajax("/ajax/one", "");
            assertThat(flip.statusCode()).isEqualTo(204);
            assertThat(calls.poll(1, TimeUnit.SECONDS)).isEqualTo("one");

            var greet = browser.ajax("/ajax/greet", "name=Ann");
            assertThat(greet.statusCode()).isEqualTo(200);
            assertThat(greet.body()).isEqualTo("Hi &lt;Ann&gt;");
        }
    }

    @Test
    void routesCanBeMountedUnderAPrefix() throws Exception {
        var clock = app.under("/clock");
        clock.page("/client", page -> {
            page.ajax("tick", "#t", "click", ajax -> {});
            return text(page.url("/sse"));
        });
        app.start("127.0.0.1", 0);

        var response = get("/clock/client");
        assertThat(response.body()).contains("/clock/sse").contains("\"/clock/ajax/tick\"");
        assertThat(get("/client").statusCode()).isEqualTo(404);
    }

    @Test
    void aFailingPageIsA500LoggedOnce() throws Exception {
        try (var logs = new LogCapture()) {
            app.page("/broken", page -> {
                throw new IllegalStateException("no database");
            });
            app.start("127.0.0.1", 0);

            assertThat(get("/broken").statusCode()).isEqualTo(500);
            assertThat(logs.errors()).hasSize(1);
            assertThat(logs.errors().getFirst().getFormattedMessage()).contains("/broken");
        }
    }

    @Test
    void headAnswersWithoutABody() throws Exception {
        app.page("/p", page -> text("x"));
        app.start("127.0.0.1", 0);
        var response = http.send(
                HttpRequest.newBuilder(app.uri("/p"))
                        .method("HEAD", HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEmpty();
    }

    @Test
    void definingAPathTwiceIsAnError() {
        app.page("/p", page -> text("x"));
        org.assertj.core.api.Assertions.assertThatIllegalStateException()
                .isThrownBy(() -> app.sse("/p", sse -> {}))
                .withMessageContaining("/p");
    }

    @Test
    void aPostedFormThatCannotBeReadIsRefusedNotTakenAsEmpty() throws Exception {
        var seen = new ArrayBlockingQueue<String>(4);
        app.page("/form", PageOptions.defaults().methods("POST"), page -> {
            seen.add(page.request().formParameter("a").orElse("(none)"));
            return text("ok");
        });
        app.start("127.0.0.1", 0);
        try (var browser = new WebClient(app.uri("/"))) {
            assertThat(browser.post("/form", "a=1", null, null).statusCode()).isEqualTo(200);
            assertThat(seen.poll()).isEqualTo("1");

            var malformed = browser.post("/form", "a=%zz", null, null);
            assertThat(malformed.statusCode()).isEqualTo(400);
            assertThat(malformed.body()).contains("form");

            var huge = browser.post("/form", "a=" + "x".repeat(1024 * 1024), null, null); // over maxRequestBody
            assertThat(huge.statusCode()).isEqualTo(413);
            assertThat(seen).as("the page never ran for a refused form").isEmpty();
        }
    }
}
