package dev.spout.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.spout.testkit.SseTestClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The demo launcher: an index linking every example, each example live under its prefix. */
class DemoTest {

    @Test
    void theIndexLinksEveryExampleAndTheyServeUnderTheirPrefixes() throws Exception {
        try (var app = Demo.create(null).start("127.0.0.1", 0);
                var http = HttpClient.newHttpClient()) {
            String base = "http://127.0.0.1:" + app.port();
            var index = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(index.body()).contains("href=\"/clock/client\"").contains("href=\"/toggles/client\"");

            try (var clock = SseTestClient.open(URI.create(base + "/clock/sse"))) {
                var tick = clock.next(Duration.ofSeconds(3));
                assertThat(tick.type()).isEqualTo("message");
                assertThat(tick.lastEventId()).matches("[0-9]");
            }
            try (var toggles = SseTestClient.open(URI.create(base + "/toggles/sse"))) {
                assertThat(toggles.next(Duration.ofSeconds(3)).data()).isEqualTo("{\"one\":true,\"two\":false}");
            }
        }
    }

    /**
     * {@code curl -N} works on every stream of the demo anyone may read: curl sends {@code Accept: *}{@code /*}, and
     * gets the stream (not the page it belongs to, nor a 406); the streams of a loop per client send at once.
     */
    @Test
    void curlReadsEveryStreamOfTheDemo() throws Exception {
        try (var app = Demo.create(null).start("127.0.0.1", 0)) {
            String base = "http://127.0.0.1:" + app.port();
            for (Showcase example : Showcase.EXAMPLES) {
                if (example.prefix().equals("/admin") || example.prefix().equals("/notify")) {
                    continue; // for signed-in users only
                }
                String stream = example.streamOf().apply(example.prefix() + "/seven");
                try (var curl = SseTestClient.open(URI.create(base + stream), java.util.Map.of("Accept", "*/*"))) {
                    assertThat(curl.status()).as(stream).isEqualTo(200);
                    assertThat(curl.headers().firstValue("Content-Type"))
                            .as(stream)
                            .hasValue("text/event-stream");
                    if (java.util.Set.of("/clock", "/toggles", "/live-clock", "/live-toggles")
                            .contains(example.prefix())) { // a loop per client, sending at once
                        assertThat(curl.next(Duration.ofSeconds(3)).data())
                                .as(stream)
                                .isNotEmpty();
                    }
                }
            }
        }
    }

    /** Each example's page shows its own code, read from its source in the jar, and a panel for its wire. */
    @Test
    void eachExamplesPageShowsItsCodeAndItsWire() throws Exception {
        try (var app = Demo.create(null).start("127.0.0.1", 0);
                var http = HttpClient.newHttpClient()) {
            String base = "http://127.0.0.1:" + app.port();
            var clock = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/clock/client")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(clock.body())
                    .contains("The code: ClockExample.java")
                    .contains("public final class ClockExample")
                    .contains("data-wire=\"/clock/sse\"")
                    .contains("/assets/wire.js")
                    .contains("rel=\"icon\"");
            var index = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(index.body()).doesNotContain("The code:");
            var favicon = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/favicon.ico")).build(),
                    HttpResponse.BodyHandlers.discarding());
            assertThat(favicon.statusCode()).isEqualTo(301);
            assertThat(favicon.headers().firstValue("Location")).hasValue("/assets/favicon.svg");
        }
    }

    /** The reproductions of the security review, run against the demo: each is refused now. */
    @Test
    void theDemoKeepsStrangersOutOfItsProtectedPartsAndRefusesForgedCalls() throws Exception {
        try (var app = Demo.create(null).start("127.0.0.1", 0);
                var browser = HttpClient.newBuilder()
                        .cookieHandler(new java.net.CookieManager())
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .build()) {
            String base = "http://127.0.0.1:" + app.port();
            browser.send(get(base + "/chat/client"), HttpResponse.BodyHandlers.discarding()); // an anonymous session
            try (var metrics =
                    SseTestClient.open(browser, URI.create(base + "/admin/dashboard/metrics"), java.util.Map.of())) {
                assertThat(metrics.status()).as("a session is not a login").isEqualTo(401);
            }
            for (String page : new String[] {"/broadcast-toggles/client", "/jobs/client"}) { // they register their ajax
                browser.send(get(base + page), HttpResponse.BodyHandlers.discarding());
            }
            for (String path : new String[] {"/broadcast-toggles/ajax/one", "/jobs/ajax/start"}) {
                for (String method : new String[] {"GET", "HEAD"}) {
                    var forged = browser.send(
                            HttpRequest.newBuilder(URI.create(base + path))
                                    .header("Origin", "http://evil.example")
                                    .method(method, HttpRequest.BodyPublishers.noBody())
                                    .build(),
                            HttpResponse.BodyHandlers.discarding());
                    assertThat(forged.statusCode()).as(method + " " + path).isEqualTo(405);
                }
            }
            var signIn = browser.send(
                    HttpRequest.newBuilder(URI.create(base + "/admin/login?next=%2F%2Fother-host%2Fx"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString("user=demo&password=demo"))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            assertThat(signIn.headers().firstValue("Location")).hasValue("/admin/dashboard");
        }
    }

    /** The review's reproduction: one anonymous session made 2,000 documents, each a topic kept for an hour. */
    @Test
    void anAnonymousSessionCannotCreateDocumentsWithoutBound() throws Exception {
        try (var app = Demo.create(null).start("127.0.0.1", 0);
                var browser = HttpClient.newBuilder()
                        .cookieHandler(new java.net.CookieManager())
                        .build()) {
            String base = "http://127.0.0.1:" + app.port();
            String page = browser.send(get(base + "/docs/first"), HttpResponse.BodyHandlers.ofString())
                    .body();
            var token = java.util.regex.Pattern.compile("<meta name=\"spout-csrf\" content=\"([^\"]+)\">")
                    .matcher(page);
            assertThat(token.find()).isTrue();
            int saved = 0;
            HttpResponse<String> refused = null;
            for (int doc = 0; doc < 150 && refused == null; doc++) {
                var save = browser.send(
                        HttpRequest.newBuilder(URI.create(base + "/docs/ajax/d" + doc + "/edit"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .header("X-Spout-CSRF", token.group(1))
                                .header("Origin", base)
                                .POST(HttpRequest.BodyPublishers.ofString("text=hello"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (save.statusCode() == 204) {
                    saved++;
                } else {
                    refused = save;
                }
            }
            assertThat(saved).isEqualTo(DocumentExample.DOCUMENTS);
            assertThat(refused).isNotNull();
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.body()).contains("No more topics like");
        }
    }

    private static HttpRequest get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).build();
    }

    @Test
    void thePortComesFromTheArgumentsOrDefaults() {
        assertThat(ServeOptions.parse("--port", "9090").port).isEqualTo(9090);
        assertThat(ServeOptions.parse("--port=9091").port).isEqualTo(9091);
        assertThat(ServeOptions.parse("--host", "127.0.0.1").host).isEqualTo("127.0.0.1");
        assertThat(ServeOptions.parse().host).as("every interface by default").isNull();
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ServeOptions.parse("--port", "http"))
                .withMessageContaining("--port");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ServeOptions.parse("--port", "70000"))
                .withMessageContaining("0 to 65535");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ServeOptions.parse("--bogus"))
                .withMessageContaining("Unknown option");
    }
}
