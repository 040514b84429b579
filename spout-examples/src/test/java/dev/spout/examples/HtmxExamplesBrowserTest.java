package dev.spout.examples;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The htmx examples in real browsers, with htmx and its SSE extension as their WebJars serve them. */
class HtmxExamplesBrowserTest extends DemoBrowserTest {

    @Test
    void aClickInOneBrowserFlipsTheBoxInBothThroughHtmx() {
        try (var alice = Browser.open();
                var bob = Browser.open()) {
            alice.get(url("/htmx-toggles/client"));
            bob.get(url("/htmx-toggles/client"));
            for (Browser browser : new Browser[] {alice, bob}) {
                assertThat(browser.text("#one")).isEqualTo("true");
                assertThat(browser.text("#two")).isEqualTo("false");
            }
            dev.spout.testkit.Await.until(
                    "both browsers follow the topic",
                    () -> app.topic("htmx-toggles/toggles").subscribers() == 2);

            alice.click("#one");
            for (Browser browser : new Browser[] {alice, bob}) {
                browser.await(
                        "#one flips to false", WAIT, d -> browser.text("#one").equals("false"));
            }
            bob.click("#two");
            for (Browser browser : new Browser[] {alice, bob}) {
                browser.await(
                        "#two flips to true", WAIT, d -> browser.text("#two").equals("true"));
            }
            assertThat(alice.text("#one")).isEqualTo("false");
            alice.screenshot("htmx-toggles");
        }
    }
}
