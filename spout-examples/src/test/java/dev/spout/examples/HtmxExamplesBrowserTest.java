package dev.spout.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spout.sse.SseEvent;
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

    /** A message reaches every browser, escaped; a browser that comes later gets the room's history. */
    @Test
    void chatMessagesReachEveryBrowserAndALaterOneGetsTheHistory() {
        try (var alice = Browser.open();
                var bob = Browser.open()) {
            alice.get(url("/htmx-chat/client"));
            bob.get(url("/htmx-chat/client"));
            dev.spout.testkit.Await.until(
                    "both browsers follow the room",
                    () -> app.topic("htmx-chat/room").subscribers() == 2);
            say(alice, "alice", "hello <b>bob</b>");
            for (Browser browser : new Browser[] {alice, bob}) {
                browser.await(
                        "the message arrives",
                        WAIT,
                        d -> browser.text("#messages").contains("alice: hello <b>bob</b>") ? true : null);
            }
            assertThat(alice.driver.findElements(org.openqa.selenium.By.cssSelector("#messages b")))
                    .as("the text is escaped, not markup")
                    .isEmpty();
            assertThat(alice.driver
                            .findElement(org.openqa.selenium.By.cssSelector("#say [name=text]"))
                            .getAttribute("value"))
                    .as("the form came back empty")
                    .isEmpty();
            say(bob, "bob", "hi");
            alice.await(
                    "bob's answer arrives", WAIT, d -> alice.text("#messages").contains("bob: hi") ? true : null);

            // Every connection drops; while nobody is connected, a message is published. The browsers' own
            // EventSource reconnects with its Last-Event-ID (htmx's extension opens a new one only once the browser
            // has given up), and the room resumes exactly: the missed message once, nothing twice.
            for (var connector : app.jetty().getConnectors()) {
                connector.getConnectedEndPoints().forEach(org.eclipse.jetty.io.EndPoint::close);
            }
            dev.spout.testkit.Await.until(
                    "nobody follows the room", () -> app.topic("htmx-chat/room").subscribers() == 0);
            app.topic("htmx-chat/room")
                    .publish(SseEvent.of("<li>carol: you missed this</li>").withEvent("message"));
            for (Browser browser : new Browser[] {alice, bob}) {
                browser.await(
                        "the browser reconnects and catches up, without duplicates",
                        WAIT,
                        d -> browser.text("#messages")
                                        .equals("alice: hello <b>bob</b>\nbob: hi\ncarol: you missed this")
                                ? true
                                : null);
            }
            try (var carol = Browser.open()) {
                carol.get(url("/htmx-chat/client"));
                carol.await(
                        "the history arrives, in order",
                        WAIT,
                        d -> carol.text("#messages").equals("alice: hello <b>bob</b>\nbob: hi\ncarol: you missed this")
                                ? true
                                : null);
            }
            alice.screenshot("htmx-chat");
        }
    }

    private static void say(Browser browser, String from, String text) {
        browser.driver
                .findElement(org.openqa.selenium.By.cssSelector("#say [name=from]"))
                .sendKeys(from);
        browser.driver
                .findElement(org.openqa.selenium.By.cssSelector("#say [name=text]"))
                .sendKeys(text);
        browser.click("#say button");
    }
}
