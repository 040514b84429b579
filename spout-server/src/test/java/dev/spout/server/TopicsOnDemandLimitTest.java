package dev.spout.server;

import static dev.spout.html.Html.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spout.engine.topic.Subscription;
import dev.spout.engine.topic.TooManyTopicsException;
import dev.spout.server.http.HttpResponse;
import dev.spout.testkit.Await;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Topics on demand are bounded per pattern: past {@code maxTopics}, asking for a new one throws {@link
 * TooManyTopicsException}, which a plain endpoint, an ajax call or a stream answers {@code 503}; a topic reclaimed
 * gives its place back. (The demo's documents were topics anyone could create, 2,000 in 2.5 seconds.)
 */
class TopicsOnDemandLimitTest {
    static final Duration WAIT = Duration.ofSeconds(10);

    final Spout app = Spout.create();
    final HttpClient http = HttpClient.newHttpClient();
    WebClient browser;

    @BeforeEach
    void start() {
        app.topicPattern("doc/*", t -> t.history(1, Duration.ofMillis(200)).maxTopics(3));
        app.post("/docs/{doc}", request -> {
            app.topic("doc/" + request.pathParameter("doc").orElseThrow()).publish(request.text());
            return HttpResponse.noContent();
        });
        app.page("/editor/{doc}", page -> {
            page.ajax(
                    "save/{doc}",
                    "#save",
                    "click",
                    ajax -> app.topic(
                                    "doc/" + ajax.request().pathParameter("doc").orElseThrow())
                            .publish("saved"));
            return text("editor");
        });
        app.subscribe(
                "/docs/{doc}/events",
                request -> Subscription.to(
                        app.topic("doc/" + request.pathParameter("doc").orElseThrow())));
        app.start("127.0.0.1", 0);
        browser = new WebClient(app.uri("/"));
    }

    @AfterEach
    void stop() {
        browser.close();
        http.close();
        app.close();
    }

    int post(String path, String body) throws Exception {
        return http.send(
                        HttpRequest.newBuilder(app.uri(path))
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    int openStream(String path) throws Exception {
        return http.send(
                        HttpRequest.newBuilder(app.uri(path))
                                .header("Accept", "text/event-stream")
                                .timeout(WAIT)
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    @Test
    void pastItsBoundAPatternCreatesNoTopicAndEveryCreatorIsAnswered503() throws Exception {
        for (String doc : new String[] {"a", "b", "c"}) {
            assertThat(post("/docs/" + doc, "v1")).isEqualTo(204);
        }
        assertThat(app.topics()).hasSize(3);
        assertThat(post("/docs/d", "v1")).as("a plain endpoint").isEqualTo(503);
        browser.get("/editor/e");
        var ajax = browser.ajax("/ajax/save/e", "");
        assertThat(ajax.statusCode()).as("an ajax call").isEqualTo(503);
        assertThat(ajax.body()).contains("No more topics like doc/e", "doc/*", "TopicOptions.maxTopics");
        assertThat(openStream("/docs/f/events")).as("a stream").isEqualTo(503);
        assertThatThrownBy(() -> app.topic("doc/g"))
                .isInstanceOf(TooManyTopicsException.class)
                .hasMessageContaining("has its 3");
        assertThat(post("/docs/a", "v2")).as("a topic that exists").isEqualTo(204);
        assertThat(app.topics()).hasSize(3);
    }

    @Test
    void aReclaimedTopicGivesItsPlaceBack() throws Exception {
        for (String doc : new String[] {"a", "b", "c"}) {
            assertThat(post("/docs/" + doc, "v1")).isEqualTo(204);
        }
        assertThat(post("/docs/d", "v1")).isEqualTo(503);
        // Their one event expires after 200 ms, and the next expiry pass reclaims them.
        Await.until("the topics are reclaimed", () -> app.topics().isEmpty(), WAIT);
        assertThat(post("/docs/d", "v1")).isEqualTo(204);
    }
}
