package dev.spout.examples;

import static dev.spout.html.Html.attr;
import static dev.spout.html.Html.button;
import static dev.spout.html.Html.div;
import static dev.spout.html.Html.id;
import static dev.spout.html.Html.input;
import static dev.spout.html.Html.span;
import static dev.spout.html.Html.strong;
import static dev.spout.html.Html.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spout.server.Spout;
import dev.spout.server.page.AjaxOptions;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** Awful's ajax options, in a real browser: arguments, target, update-targets, method, prelude, success. */
class AjaxOptionsBrowserTest {
    static final Duration WAIT = Duration.ofSeconds(10);

    Spout app;
    final AtomicInteger cancelledCalls = new AtomicInteger();

    @BeforeEach
    void start() {
        app = Spout.create();
        app.page("/ajax", page -> {
            page.ajax(
                    "echo",
                    "#echo",
                    "click",
                    AjaxOptions.defaults()
                            .field("text", "#draft")
                            .argument("from", "page")
                            .target("#echoed"),
                    ajax -> ajax.respond(
                            strong(text(ajax.request().formParameter("from").orElse("?") + ": "
                                    + ajax.request().formParameter("text").orElse("?")))));
            page.ajax("totals", "#totals", "click", AjaxOptions.defaults().updateTargets(), ajax -> {
                ajax.update("count", text("3"));
                ajax.update("sum", text("42 <EUR>"));
            });
            page.ajax(
                    "lookup",
                    "#lookup",
                    "click",
                    AjaxOptions.defaults().method("GET").argument("q", "spout").target("#found"),
                    ajax -> ajax.respondText(
                            "found " + ajax.request().queryParameter("q").orElse("?")));
            page.ajax(
                    "never",
                    "#never",
                    "click",
                    AjaxOptions.defaults().preludeJavaScript("return false;"),
                    ajax -> cancelledCalls.incrementAndGet());
            page.ajax(
                    "after",
                    "#after",
                    "click",
                    AjaxOptions.defaults().onSuccessJavaScript("document.getElementById('done').textContent = 'yes';"),
                    ajax -> {});
            return div(
                    input(id("draft"), attr("value", "<hello>")),
                    button(id("echo"), text("Echo")),
                    span(id("echoed")),
                    button(id("totals"), text("Totals")),
                    span(id("count")),
                    span(id("sum")),
                    button(id("lookup"), text("Look up")),
                    span(id("found")),
                    button(id("never"), text("Never")),
                    button(id("after"), text("After")),
                    span(id("done")));
        });
        app.start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void everyOptionWorksInABrowser() {
        try (var browser = Browser.open()) {
            browser.get(app.uri("/ajax").toString());

            browser.click("#echo");
            browser.await(
                    "the answer lands in the target",
                    WAIT,
                    d -> browser.text("#echoed").equals("page: <hello>"));
            assertThat(browser.driver
                            .findElement(By.cssSelector("#echoed strong"))
                            .getText())
                    .isEqualTo("page: <hello>");

            browser.click("#totals");
            browser.await(
                    "several targets updated",
                    WAIT,
                    d -> browser.text("#count").equals("3")
                            && browser.text("#sum").equals("42 <EUR>"));

            browser.click("#lookup");
            browser.await(
                    "a GET with a query", WAIT, d -> browser.text("#found").equals("found spout"));

            browser.click("#never");
            browser.click("#after");
            browser.await("success code ran", WAIT, d -> browser.text("#done").equals("yes"));
            assertThat(cancelledCalls.get())
                    .as("the prelude cancelled the call")
                    .isZero();
        }
    }
}
