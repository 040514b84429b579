package dev.spout.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;

/** The examples written without page JavaScript, in real browsers: clock, toggles, dashboard behind a login, jobs. */
class NoJavaScriptExamplesBrowserTest extends DemoBrowserTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/live-clock/client",
                "/live-toggles/client",
                "/broadcast-toggles/client",
                "/chat/client",
                "/jobs/client"
            })
    void thesePagesCarryNoHandWrittenJavaScript(String path) throws Exception {
        String html;
        try (var http = HttpClient.newHttpClient()) {
            html = http.send(
                            HttpRequest.newBuilder(URI.create(url(path))).build(), HttpResponse.BodyHandlers.ofString())
                    .body();
        }
        Matcher scripts =
                Pattern.compile("<script([^>]*)>(.*?)</script>", Pattern.DOTALL).matcher(html);
        while (scripts.find()) {
            boolean spoutScript = scripts.group(1).contains("/_spout/spout.js");
            boolean bindings = scripts.group(2).strip().lines().allMatch(line -> line.startsWith("Spout.bind("));
            assertThat(spoutScript || bindings)
                    .as("only Spout's script and generated bindings: " + scripts.group())
                    .isTrue();
        }
    }

    @Test
    void theClockTicksWithoutPageJavaScript() {
        try (var browser = Browser.open()) {
            browser.get(url("/live-clock/client"));
            String first = browser.await(
                    "a time arrives", WAIT, d -> SeedExamplesBrowserTest.emptyToNull(browser.text("#display")));
            browser.await(
                    "the clock ticks", WAIT, d -> !browser.text("#display").equals(first));
            assertThat(browser.driver
                            .findElement(By.cssSelector("[data-spout-offline]"))
                            .isDisplayed())
                    .isFalse();
        }
    }

    @Test
    void theTogglesFlipInBothBrowsersWithoutPageJavaScript() {
        try (var alice = Browser.open();
                var bob = Browser.open()) {
            for (Browser browser : List.of(alice, bob)) {
                browser.get(url("/live-toggles/client"));
                browser.await(
                        "the state arrives",
                        WAIT,
                        d -> browser.text("#one").equals("true")
                                && browser.text("#two").equals("false"));
            }
            alice.click("#one");
            for (Browser browser : List.of(alice, bob)) {
                browser.await("#one flips", WAIT, d -> browser.text("#one").equals("false"));
            }
        }
    }

    @Test
    void theDashboardNeedsASignInAndThenGoesLive() {
        try (var browser = Browser.open()) {
            browser.get(url("/admin/dashboard"));
            browser.await("sent to sign in", WAIT, d -> d.getCurrentUrl().contains("/admin/login?next="));

            browser.driver.findElement(By.name("user")).sendKeys("demo");
            browser.driver.findElement(By.name("password")).sendKeys("wrong");
            browser.click("button[type=submit]");
            browser.await("refused", WAIT, d -> !d.findElements(By.id("error")).isEmpty());

            browser.driver.findElement(By.name("user")).clear();
            browser.driver.findElement(By.name("user")).sendKeys("demo");
            browser.driver.findElement(By.name("password")).sendKeys("demo");
            browser.click("button[type=submit]");
            browser.await("back on the dashboard", WAIT, d -> d.getCurrentUrl().endsWith("/admin/dashboard"));
            assertThat(browser.text("#user")).isEqualTo("demo");
            String first = browser.await(
                    "metrics arrive", WAIT, d -> SeedExamplesBrowserTest.emptyToNull(browser.text("#time")));
            browser.await("metrics update", WAIT, d -> !browser.text("#time").equals(first));
            assertThat(browser.text("#heap")).matches("\\d+");

            browser.click("#sign-out"); // a form posting to /logout: a link (a GET) could be forged by any site
            browser.await("signed out", WAIT, d -> d.getCurrentUrl().contains("/admin/login"));
            browser.get(url("/admin/dashboard"));
            browser.await(
                    "a sign-in is needed again", WAIT, d -> d.getCurrentUrl().contains("/admin/login?next="));
        }
    }

    @Test
    void aJobsProgressBarFillsInEveryBrowser() {
        try (var alice = Browser.open();
                var bob = Browser.open()) {
            for (Browser browser : List.of(alice, bob)) {
                browser.get(url("/jobs/client"));
            }
            alice.click("#start");
            for (Browser browser : List.of(alice, bob)) {
                browser.await(
                        "the job appears",
                        WAIT,
                        d -> !d.findElements(By.id("job-1-bar")).isEmpty());
                browser.await(
                        "the job finishes",
                        WAIT,
                        d -> browser.text("#job-1-status").strip().equals("done"));
                assertThat(browser.driver.findElement(By.id("job-1-bar")).getDomProperty("value"))
                        .isEqualTo(Integer.toString(JobExample.STEPS));
            }
        }
    }
}
