package dev.spout.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spout.engine.topic.Topic;
import dev.spout.testkit.Await;
import java.util.List;
import org.eclipse.jetty.io.EndPoint;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** Streams chosen per request, in real browsers: an inbox per signed-in user, a stream per document path. */
class PerRequestStreamsBrowserTest extends DemoBrowserTest {

    private void signIn(Browser browser, String user) {
        browser.get(url("/notify/inbox"));
        browser.await("sent to sign in", WAIT, d -> d.getCurrentUrl().contains("/notify/login?next="));
        browser.driver.findElement(By.name("user")).sendKeys(user);
        browser.driver.findElement(By.name("password")).sendKeys(user);
        browser.click("button[type=submit]");
        browser.await("on the inbox", WAIT, d -> d.getCurrentUrl().endsWith("/notify/inbox"));
        browser.await("connected", WAIT, d -> browser.text("#status").equals("connected"));
    }

    private static void send(Browser browser, String to, String text) {
        browser.driver.findElement(By.cssSelector("#send [name=to]")).sendKeys(to);
        browser.driver.findElement(By.cssSelector("#send [name=text]")).sendKeys(text);
        browser.click("#send button");
        browser.await(
                "the form clears",
                WAIT,
                d -> d.findElement(By.cssSelector("#send [name=text]"))
                        .getAttribute("value")
                        .isEmpty());
        browser.driver.findElement(By.cssSelector("#send [name=to]")).clear();
    }

    static List<String> texts(Browser browser, String selector) {
        return browser.driver.findElements(By.cssSelector(selector)).stream()
                .map(WebElement::getText)
                .toList();
    }

    @Test
    void eachSignedInUserSeesOnlyTheirOwnNotesAndAReconnectingBrowserCatchesUp() throws Exception {
        try (var ann = Browser.open();
                var bob = Browser.open()) {
            signIn(ann, "ann");
            signIn(bob, "bob");
            Topic annsTopic = app.topic("notify/user/ann");
            Await.value("ann's inbox follows her topic", annsTopic::subscribers, 1, WAIT);

            send(ann, "bob", "lunch at <noon>?");
            bob.await(
                    "bob gets ann's note", WAIT, d -> texts(bob, "#notes li").equals(List.of("ann: lunch at <noon>?")));
            send(bob, "ann", "yes");
            ann.await(
                    "ann gets bob's answer", WAIT, d -> texts(ann, "#notes li").equals(List.of("bob: yes")));
            assertThat(texts(bob, "#notes li"))
                    .as("bob's own note is not in his inbox")
                    .hasSize(1);

            for (var connector : app.jetty().getConnectors()) { // every connection drops ...
                connector.getConnectedEndPoints().forEach(EndPoint::close);
            }
            Await.value("ann's inbox gone", annsTopic::subscribers, 0, WAIT);
            annsTopic.publish(
                    NotificationsExample.note("bob", "while you were away").event()); // ... a note meanwhile
            ann.await(
                    "ann's browser reconnects and catches up, without duplicates",
                    WAIT,
                    d -> texts(ann, "#notes li").equals(List.of("bob: yes", "bob: while you were away")));
            bob.await("bob's connected again", WAIT, d -> bob.text("#status").equals("connected"));
            assertThat(texts(bob, "#notes li")).containsExactly("ann: lunch at <noon>?");
        }
    }

    @Test
    void browsersOnOneDocumentSeeEachOthersEditsAndOneOnAnotherSeesNone() throws Exception {
        try (var alice = Browser.open();
                var bob = Browser.open();
                var carol = Browser.open()) {
            alice.get(url("/docs/seven"));
            bob.get(url("/docs/seven"));
            carol.get(url("/docs/eight"));
            Await.value(
                    "two browsers on seven", () -> app.topic("docs/doc/seven").subscribers(), 2, WAIT);
            Await.value(
                    "one browser on eight", () -> app.topic("docs/doc/eight").subscribers(), 1, WAIT);

            alice.driver.findElement(By.cssSelector("#edit [name=text]")).sendKeys("the <first> draft");
            alice.click("#edit button");
            for (Browser browser : List.of(alice, bob)) {
                browser.await("the edit shows", WAIT, d -> browser.text("#text").equals("the <first> draft"));
            }
            carol.driver.findElement(By.cssSelector("#edit [name=text]")).sendKeys("another document");
            carol.click("#edit button");
            carol.await("carol's own edit shows", WAIT, d -> carol.text("#text").equals("another document"));
            assertThat(carol.text("#text")).isNotEqualTo("the <first> draft");
            for (Browser browser : List.of(alice, bob)) {
                assertThat(browser.text("#text"))
                        .as("seven is untouched by eight")
                        .isEqualTo("the <first> draft");
            }

            try (var late = Browser.open()) {
                late.get(url("/docs/seven"));
                late.await(
                        "a late browser starts from the latest version",
                        WAIT,
                        d -> late.text("#text").equals("the <first> draft"));
            }
        }
    }
}
