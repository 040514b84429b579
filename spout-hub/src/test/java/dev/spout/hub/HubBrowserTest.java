package dev.spout.hub;

import static dev.spout.hub.Tokens.PUBLISHER_KEY;
import static dev.spout.hub.Tokens.SUBSCRIBER_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spout.examples.Browser;
import dev.spout.server.Spout;
import dev.spout.testkit.Await;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Subscribers in headless Chromium: the browser's own {@code EventSource}, its token in the {@code
 * mercureAuthorization} cookie, on the hub's debugging page; a publisher over plain HTTP and one on the page.
 */
class HubBrowserTest {
    static final Duration WAIT = Duration.ofSeconds(15);

    Spout app;

    @BeforeEach
    void start() {
        app = Spout.create();
        MercureHub.mount(
                app,
                hub -> hub.publisherKey("HS256", PUBLISHER_KEY)
                        .subscriberKey("HS256", SUBSCRIBER_KEY)
                        .anonymous(true));
        MercureHub.debugPage(app, "/");
        app.start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        app.close();
    }

    void subscribe(Browser browser, String token) {
        browser.get(app.uri("/").toString());
        browser.driver.findElement(By.id("subscriber-token")).sendKeys(token);
        browser.click("#subscribe button");
        browser.await(
                "the EventSource open", WAIT, driver -> browser.text("#state").equals("open"));
    }

    String publish(String form) throws Exception {
        return Tokens.publish(app.uri(MercureHub.PATH), form);
    }

    @Test
    void aBrowsersEventSourceWithTheCookieGetsPrivateUpdatesAndAnAnonymousOneOnlyPublicOnes() throws Exception {
        try (var ann = Browser.open();
                var anonymous = Browser.open()) {
            subscribe(ann, Tokens.legacy(SUBSCRIBER_KEY, List.of(), List.of("https://example.com/books/{id}")));
            subscribe(anonymous, "");
            Await.until("both subscribed", () -> app.topic("mercure").subscribers() == 2);
            String secret = publish("topic=https://example.com/books/1&data=<b>secret</b>&private=on");
            String open = publish("topic=https://example.com/books/2&data=open");
            ann.await(
                    "both updates",
                    WAIT,
                    driver -> driver.findElements(By.cssSelector("#events li")).size() == 2);
            assertThat(ann.text("#events")).contains(secret + " <b>secret</b>").contains(open + " open");
            assertThat(ann.driver.findElements(By.cssSelector("#events b"))).isEmpty(); // text, never HTML
            anonymous.await(
                    "the public update",
                    WAIT,
                    driver -> anonymous.text("#events").contains(open));
            assertThat(anonymous.text("#events")).doesNotContain("secret");

            // the page publishes too, with a publisher's token in the Authorization header
            ann.driver
                    .findElement(By.id("publisher-token"))
                    .sendKeys(Tokens.legacy(PUBLISHER_KEY, List.of("*"), List.of()));
            ann.click("#publish button");
            ann.await(
                    "published from the page",
                    WAIT,
                    driver -> ann.text("#published").startsWith("200 "));
            String fromPage = ann.text("#published").substring(4).trim();
            anonymous.await(
                    "the page's update",
                    WAIT,
                    driver -> anonymous.text("#events").contains(fromPage));
        }
    }
}
