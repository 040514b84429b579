package dev.spout.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spout.engine.topic.Topic;
import dev.spout.testkit.Await;
import java.util.List;
import org.eclipse.jetty.io.EndPoint;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The broadcast examples in real browsers: toggles published on change, and a chat room with history. */
class LiveExamplesBrowserTest extends DemoBrowserTest {

    @Test
    void aClickIsBroadcastToEveryBrowserAtOnce() throws Exception {
        try (var alice = Browser.open();
                var bob = Browser.open()) {
            for (Browser browser : List.of(alice, bob)) {
                browser.get(url("/broadcast-toggles/client"));
                assertThat(browser.text("#one")).isEqualTo("true");
                assertThat(browser.text("#two")).isEqualTo("false");
            }
            awaitSubscribers("broadcast-toggles/toggles", 2);

            alice.click("#one");
            for (Browser browser : List.of(alice, bob)) {
                browser.await(
                        "#one flips to false", WAIT, d -> browser.text("#one").equals("false"));
            }
            bob.click("#two");
            for (Browser browser : List.of(alice, bob)) {
                browser.await(
                        "#two flips to true", WAIT, d -> browser.text("#two").equals("true"));
                assertThat(browser.text("#one")).isEqualTo("false");
            }
        }
    }

    @Test
    void chatMessagesReachEveryoneAndReconnectingBrowsersCatchUp() throws Exception {
        Topic room = app.topic("chat/room");
        try (var alice = Browser.open();
                var bob = Browser.open()) {
            for (Browser browser : List.of(alice, bob)) {
                browser.get(url("/chat/client"));
                browser.await("connected", WAIT, d -> browser.text("#status").equals("connected"));
            }
            awaitSubscribers("chat/room", 2);

            alice.driver.findElement(By.name("from")).sendKeys("alice");
            alice.driver.findElement(By.name("text")).sendKeys("hello <everyone>");
            alice.click("#say button");
            for (Browser browser : List.of(alice, bob)) {
                browser.await(
                        "the message arrives", WAIT, d -> messages(browser).equals(List.of("alice: hello <everyone>")));
            }

            // Every connection drops; while nobody is connected, two more messages are published.
            for (var connector : app.jetty().getConnectors()) {
                connector.getConnectedEndPoints().forEach(EndPoint::close);
            }
            awaitSubscribers("chat/room", 0);
            room.publish(ChatExample.message("carol", "you missed this").event());
            room.publish(ChatExample.message("carol", "and this").event());

            for (Browser browser : List.of(alice, bob)) {
                browser.await(
                        "the browser reconnects and catches up, without duplicates",
                        WAIT,
                        d -> messages(browser)
                                .equals(List.of(
                                        "alice: hello <everyone>", "carol: you missed this", "carol: and this")));
                browser.await(
                        "connected again", WAIT, d -> browser.text("#status").equals("connected"));
            }
            assertThat(room.stats().replayed()).isGreaterThanOrEqualTo(4);
        }
    }

    static List<String> messages(Browser browser) {
        return browser.driver.findElements(By.cssSelector("#messages li")).stream()
                .map(WebElement::getText)
                .toList();
    }

    void awaitSubscribers(String topic, int count) {
        Topic t = app.topic(topic);
        Await.value("subscribers of " + topic, t::subscribers, count, WAIT);
    }
}
