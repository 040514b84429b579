package dev.spout.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * How the demo looks and reads to a person: its stylesheet applies, toggles look clickable, pages arrive whole
 * (state in the HTML before any event), a refused ajax call says why on the page. Each test also saves a screenshot
 * under target/screenshots for review.
 */
class LookBrowserTest extends DemoBrowserTest {

    @Test
    void theStylesheetIsServedAndApplied() throws Exception {
        try (var client = HttpClient.newHttpClient()) {
            var css = client.send(
                    HttpRequest.newBuilder(URI.create(url(DemoLook.STYLESHEET))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(css.statusCode()).isEqualTo(200);
            assertThat(css.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("text/css"));
            assertThat(css.headers().firstValue("Cache-Control")).hasValue("public, max-age=3600");
        }
        try (var browser = Browser.open()) {
            browser.get(url("/"));
            assertThat(browser.css("body > header", "background-color")).isEqualTo("rgba(29, 35, 48, 1)");
            assertThat(browser.css("body", "font-family")).doesNotContain("Times");
            assertThat(browser.text("body > header")).startsWith("Spout demo");
            assertThat(Files.size(browser.screenshot("index"))).isPositive();
        }
    }

    @Test
    void togglesLookClickableAndArriveWithTheirState() throws Exception {
        try (var client = HttpClient.newHttpClient()) {
            String html = client.send(
                            HttpRequest.newBuilder(URI.create(url("/toggles/client")))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            assertThat(html)
                    .as("the state is in the HTML, before any event")
                    .containsPattern("id=\"one\"[^>]*>true<")
                    .containsPattern("id=\"two\"[^>]*>false<");
        }
        try (var browser = Browser.open()) {
            browser.get(url("/toggles/client"));
            assertThat(browser.css("#one", "cursor")).isEqualTo("pointer");
            assertThat(browser.text("#one")).startsWith("true");
            browser.screenshot("toggles");
        }
    }

    @Test
    void everyExamplePageArrivesWholeAndIsPictured() {
        try (var browser = Browser.open()) {
            for (String[] page : new String[][] {
                {"/clock/client", "clock", "#display"},
                {"/live-clock/client", "live-clock", "#display"},
                {"/live-toggles/client", "live-toggles", "#one"},
                {"/broadcast-toggles/client", "broadcast-toggles", "#one"},
                {"/jobs/client", "jobs", "#start"},
                {"/docs/7", "document", "#text"},
                {"/chat/client", "chat", "#say"}
            }) {
                browser.get(url(page[0]));
                assertThat(browser.text(page[2])).as(page[0]).isNotBlank();
                assertThat(browser.text("main h1")).as(page[0]).isNotBlank();
                browser.screenshot(page[1]);
            }
            browser.get(url("/jobs/client"));
            browser.click("#start");
            browser.await("a job's bar moves", WAIT, d -> {
                String value = d.findElement(org.openqa.selenium.By.cssSelector("#jobs progress"))
                        .getDomAttribute("value");
                return value != null && !value.equals("0") ? value : null;
            });
            browser.screenshot("jobs-running");
        }
    }

    @Test
    void aRefusedChatMessageSaysWhyOnThePage() {
        try (var browser = Browser.open()) {
            browser.get(url("/chat/client"));
            browser.await("connected", WAIT, d -> browser.text("#status").equals("connected"));
            browser.type("#say [name=from]", "x".repeat(41)); // over the 40-character bound: a 400
            browser.type("#say [name=text]", "hello");
            browser.click("#say button");
            String shown = browser.await("the reason is shown", WAIT, d -> emptyToNull(browser.text("#chat-error")));
            assertThat(shown).isEqualTo("A message needs a name (up to 40 characters) and a text (up to 500)");
            browser.screenshot("chat-refused");

            browser.driver
                    .findElement(org.openqa.selenium.By.cssSelector("#say [name=from]"))
                    .clear();
            browser.type("#say [name=from]", "ann");
            browser.type("#say [name=text]", "hello");
            browser.click("#say button");
            browser.await(
                    "the message arrives", WAIT, d -> browser.text("#messages").contains("ann: hello"));
            browser.await(
                    "the reason is gone",
                    WAIT,
                    d -> !d.findElement(org.openqa.selenium.By.id("chat-error")).isDisplayed());
            browser.screenshot("chat");
        }
    }

    @Test
    void aRefusalOnAPageWithoutAnErrorBoxStillShows() {
        try (var browser = Browser.open()) {
            browser.get(url("/toggles/client"));
            // The session's CSRF token is gone (signed out elsewhere, say): the click's ajax call gets 403.
            browser.driver.manage().deleteAllCookies();
            browser.click("#one");
            String shown = browser.await(
                    "an alert appears",
                    WAIT,
                    d -> emptyToNull(d.findElement(org.openqa.selenium.By.cssSelector("[data-spout-errors]"))
                            .getText()));
            assertThat(shown).isEqualTo("No session: load the page first (it sets the session and its CSRF token)");
            browser.screenshot("toggles-refused");
        }
    }

    /**
     * Browsers keep left pages in their back/forward cache, streams and all: on HTTP/1.1 six such pages would take
     * every connection to the host and the next page would wait. spout.js closes a hidden page's streams, and a page
     * shown again from the cache reloads.
     */
    @Test
    void aLeftPageClosesItsStreamAndComesBackLive() {
        try (var browser = Browser.open()) {
            browser.get(url("/live-clock/client"));
            dev.spout.testkit.Await.until("the first page's stream is open", () -> app.openStreams() == 1);
            browser.get(url("/live-toggles/client"));
            browser.await(
                    "the second page is connected",
                    WAIT,
                    d -> !d.findElements(org.openqa.selenium.By.cssSelector("html:not(.spout-disconnected) #one"))
                            .isEmpty());
            dev.spout.testkit.Await.until("only the second page's stream is open", () -> app.openStreams() == 1);
            browser.driver.navigate().back();
            String before = browser.await("the clock page is back", WAIT, d -> emptyToNull(browser.text("#display")));
            browser.await("and live again", WAIT, d -> !before.equals(browser.text("#display")));
            dev.spout.testkit.Await.until("one stream again, the clock's", () -> app.openStreams() == 1);
        }
    }

    static String emptyToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }
}
