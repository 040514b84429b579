package dev.spout.server;

import static dev.spout.html.Html.div;
import static dev.spout.html.Html.id;
import static dev.spout.html.Html.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import dev.spout.testkit.Await;
import dev.spout.testkit.SseTestClient;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Routes with parameters: values on the request, exact paths first, conflicts refused at definition. */
class PathParameterTest {
    private final Spout app = Spout.create();
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        http.close();
        app.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(app.uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aPageAndAStreamReadTheirParametersAndAnExactPathWins() throws Exception {
        app.page(
                "/users/{id}",
                page -> text("user " + page.request().pathParameter("id").orElseThrow()));
        app.page("/users/me", page -> text("me"));
        app.sse(
                "/docs/{doc}/sections/{section}/sse",
                sse -> sse.send(sse.request().pathParameters().toString()));
        app.start("127.0.0.1", 0);

        assertThat(get("/users/42").body()).contains("user 42");
        assertThat(get("/users/42/").body()).as("the trailing-slash twin").contains("user 42");
        assertThat(get("/users/me").body()).contains("me").doesNotContain("user");
        assertThat(get("/users").statusCode()).isEqualTo(404);
        assertThat(get("/users/42/more").statusCode()).isEqualTo(404);
        try (var stream = SseTestClient.open(app.uri("/docs/7/sections/intro/sse"))) {
            assertThat(stream.next(Await.DEFAULT).data()).isIn("{doc=7, section=intro}", "{section=intro, doc=7}");
        }
    }

    @Test
    void aPrefixMayHaveParametersToo() throws Exception {
        Routes doc = app.under("/docs/{doc}");
        doc.page("/", page -> text("doc " + page.request().pathParameter("doc").orElseThrow()));
        doc.page(
                "/history",
                page -> text("history of " + page.request().pathParameter("doc").orElseThrow()));
        app.start("127.0.0.1", 0);

        assertThat(get("/docs/a1/").body()).contains("doc a1");
        assertThat(get("/docs/a1/history").body()).contains("history of a1");
    }

    @Test
    void anAjaxPathWithParametersIsFilledFromThePagesOwn() throws Exception {
        var saved = new ArrayBlockingQueue<String>(2);
        app.page("/docs/{doc}", page -> {
            page.ajax(
                    "docs/{doc}/save",
                    "#save",
                    "click",
                    ajax -> saved.add(ajax.request().pathParameter("doc").orElseThrow()));
            return div(id("save"), text("save"));
        });
        app.start("127.0.0.1", 0);

        try (var browser = new WebClient(app.uri("/"))) {
            String html = browser.get("/docs/7").body();
            assertThat(html).contains("\"/ajax/docs/7/save\"");
            assertThat(browser.ajax("/ajax/docs/7/save", "").statusCode()).isEqualTo(204);
            assertThat(saved.poll(Await.DEFAULT.toMillis(), TimeUnit.MILLISECONDS))
                    .isEqualTo("7");
        }
    }

    @Test
    void templatesOneRequestCouldMatchBothAreRefusedWithAClearMessage() {
        app.page("/users/{id}", page -> text("x"));
        assertThatIllegalStateException()
                .isThrownBy(() -> app.page("/users/{name}", page -> text("y")))
                .withMessageContaining("/users/{name} conflicts with /users/{id}");
        app.page("/a/{x}/c", page -> text("x"));
        assertThatIllegalStateException()
                .isThrownBy(() -> app.sse("/a/b/{y}", sse -> {}))
                .withMessageContaining("conflicts with /a/{x}/c");
        app.page("/a/{x}/d", page -> text("no overlap: d is not c"));
    }

    @Test
    void malformedTemplatesAreRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> app.page("/users/id{id}", page -> text("x")))
                .withMessageContaining("whole segment");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> app.page("/users/{1d}", page -> text("x")))
                .withMessageContaining("Not a path parameter name");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> app.page("/a/{x}/b/{x}", page -> text("x")))
                .withMessageContaining("comes twice");
    }
}
