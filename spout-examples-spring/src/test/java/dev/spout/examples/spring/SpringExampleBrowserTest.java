package dev.spout.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spout.examples.Browser;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The Spring Boot example in real browsers, on Tomcat: the seed's clock and toggles, and per-user notifications. */
class SpringExampleBrowserTest {
    static final Duration WAIT = Duration.ofSeconds(10);

    ConfigurableApplicationContext app;
    String base;

    @BeforeEach
    void start() {
        app = new SpringApplicationBuilder(SpringExample.class)
                .properties("server.port=0", "server.address=127.0.0.1", "spring.main.banner-mode=off")
                .run();
        base = "http://127.0.0.1:" + app.getEnvironment().getRequiredProperty("local.server.port");
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void theClockTicksInTheBrowser() {
        try (var browser = Browser.open()) {
            browser.get(base + "/clock.html");
            String first = browser.await(
                    "the first time",
                    WAIT,
                    d -> d.findElement(By.id("display")).getText().matches(".*\\d\\d:\\d\\d:\\d\\d.*")
                            ? d.findElement(By.id("display")).getText()
                            : null);
            browser.await(
                    "a later time",
                    WAIT,
                    d -> !d.findElement(By.id("display")).getText().equals(first));
            browser.screenshot("spring-clock");
        }
    }

    @Test
    void aClickFlipsTheBoxInEveryOpenBrowser() {
        try (var one = Browser.open();
                var two = Browser.open()) {
            one.get(base + "/toggles.html");
            two.get(base + "/toggles.html");
            for (var browser : new Browser[] {one, two}) {
                browser.await(
                        "the latest state first",
                        WAIT,
                        d -> d.findElement(By.id("one")).getText().equals("true"));
                assertThat(browser.text("#two")).isEqualTo("false");
            }
            one.click("#two");
            for (var browser : new Browser[] {one, two}) {
                browser.await(
                        "box two flipped",
                        WAIT,
                        d -> d.findElement(By.id("two")).getText().equals("true"));
            }
            two.click("#one");
            for (var browser : new Browser[] {one, two}) {
                browser.await(
                        "box one flipped",
                        WAIT,
                        d -> d.findElement(By.id("one")).getText().equals("false"));
            }
            one.screenshot("spring-toggles");
        }
    }

    @Test
    void eachUserGetsTheirOwnNotificationsOnly() {
        try (var ann = Browser.open();
                var bob = Browser.open()) {
            ann.get(base + "/notifications.html");
            assertThat(ann.driver.getCurrentUrl()).as("sign in first").contains("/login");
            signIn(ann, "ann");
            signIn(bob, "bob");
            for (var browser : new Browser[] {ann, bob}) {
                browser.await("the page", WAIT, d -> d.getCurrentUrl().contains("/notifications.html"));
            }
            ann.await(
                    "ann's name",
                    WAIT,
                    d -> d.findElement(By.id("me")).getText().equals("ann"));
            bob.await(
                    "bob's name",
                    WAIT,
                    d -> d.findElement(By.id("me")).getText().equals("bob"));
            awaitStreams(2);

            new org.openqa.selenium.support.ui.Select(ann.driver.findElement(By.name("to"))).selectByVisibleText("bob");
            ann.type("input[name=text]", "lunch at noon?");
            ann.click("#send button");
            bob.await(
                    "bob's note",
                    WAIT,
                    d -> d.findElement(By.id("notes")).getText().contains("ann: lunch at noon?"));
            ann.await(
                    "sent", WAIT, d -> d.findElement(By.id("status")).getText().equals("sent"));
            assertThat(ann.text("#notes")).as("not ann's").isEmpty();
            bob.screenshot("spring-notifications");
        }
    }

    private void signIn(Browser browser, String user) {
        browser.get(base + "/notifications.html");
        browser.await(
                "the login form",
                WAIT,
                d -> !d.findElements(By.name("username")).isEmpty());
        browser.type("input[name=username]", user);
        browser.type("input[name=password]", user);
        browser.driver.findElement(By.cssSelector("button[type=submit]")).click();
    }

    /** Both pages' streams are open, so a note published now reaches them (nothing else would wait for it). */
    private void awaitStreams(int count) {
        var spout = app.getBean(dev.spout.servlet.ServletSpout.class);
        dev.spout.testkit.Await.until("the streams open", () -> spout.openStreams() >= count, WAIT);
    }
}
