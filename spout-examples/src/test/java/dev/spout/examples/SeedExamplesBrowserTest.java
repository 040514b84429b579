package dev.spout.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/**
 * The seed's two examples in a real browser, whose own EventSource is the final judge of Spout's wire format. They
 * run as the demo serves them, under their prefixes.
 */
class SeedExamplesBrowserTest extends DemoBrowserTest {

    @Test
    void theClockPageShowsTheServersTimeChanging() {
        try (var browser = Browser.open()) {
            browser.get(url("/clock/client"));
            assertThat(browser.text("main .card")).startsWith("Current time:");
            String first = browser.await("the clock shows a time", WAIT, d -> emptyToNull(browser.text("#display")));
            LocalDateTime shown = LocalDateTime.parse(first, ClockExample.SECONDS_TO_STRING);
            assertThat(Duration.between(shown, LocalDateTime.now()).abs()).isLessThan(Duration.ofSeconds(5));
            String later = browser.await(
                    "the clock ticks",
                    WAIT,
                    d -> first.equals(browser.text("#display")) ? null : browser.text("#display"));
            assertThat(LocalDateTime.parse(later, ClockExample.SECONDS_TO_STRING))
                    .isAfter(shown);
            assertThat(browser.driver
                            .findElement(org.openqa.selenium.By.id("display"))
                            .getCssValue("color"))
                    .isEqualTo("rgba(0, 0, 255, 1)");
        }
    }

    @Test
    void aClickInOneBrowserFlipsTheBoxInBoth() {
        try (var alice = Browser.open();
                var bob = Browser.open()) {
            alice.get(url("/toggles/client"));
            bob.get(url("/toggles/client"));
            for (Browser browser : new Browser[] {alice, bob}) {
                browser.await("the state arrives", WAIT, d -> emptyToNull(browser.text("#one")));
                assertThat(browser.text("#one")).isEqualTo("true");
                assertThat(browser.text("#two")).isEqualTo("false");
            }

            alice.click("#one");
            for (Browser browser : new Browser[] {alice, bob}) {
                browser.await(
                        "#one flips to false", WAIT, d -> browser.text("#one").equals("false"));
            }
            assertThat(bob.text("#two")).isEqualTo("false");

            bob.click("#two");
            for (Browser browser : new Browser[] {alice, bob}) {
                browser.await(
                        "#two flips to true", WAIT, d -> browser.text("#two").equals("true"));
            }
            assertThat(alice.text("#one")).isEqualTo("false");
        }
    }

    /** The demo's panel under an example shows its stream's lines as the server wrote them, once it is opened. */
    @Test
    void theWirePanelShowsTheStreamsLinesOnceOpened() {
        try (var browser = Browser.open()) {
            browser.get(url("/clock/client"));
            assertThat(browser.text(".showcase .code summary")).isEqualTo("The code: ClockExample.java");
            assertThat(browser.text(".showcase .code pre")).contains("static void tick(SseStream sse)");
            browser.await("the page's own stream is open", WAIT, d -> app.openStreams() == 1 ? true : null);
            browser.click(".showcase .wire summary");
            String wire = browser.await(
                    "the wire shows an event",
                    WAIT,
                    d -> browser.text(".showcase .wire pre").contains("data: ")
                            ? browser.text(".showcase .wire pre")
                            : null);
            assertThat(wire).containsPattern("(?m)^id: [0-9]$").containsPattern("(?m)^event: message$");
            browser.screenshot("clock-wire");
            assertThat(app.openStreams())
                    .as("the panel reads a stream of its own")
                    .isEqualTo(2);
            browser.click(".showcase .wire summary"); // closed: its stream ends
            browser.await("the panel's stream ends", WAIT, d -> app.openStreams() == 1 ? true : null);
        }
    }

    static String emptyToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }
}
