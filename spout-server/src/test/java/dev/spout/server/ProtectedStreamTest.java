package dev.spout.server;

import static dev.spout.html.Html.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spout.engine.topic.Topic;
import dev.spout.server.page.PageOptions;
import dev.spout.testkit.Await;
import dev.spout.testkit.SseTestClient;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A page that requires a signed-in user protects its stream too, whether the stream is a per-client handler or a
 * topic that is itself open to everyone, at the root and below a prefix: strangers get 401 before any byte.
 */
class ProtectedStreamTest {
    private final Spout app = Spout.create();
    private WebClient browser;

    @BeforeEach
    void start() {
        for (Routes routes : new Routes[] {app, app.under("/area")}) {
            routes.page("/login", PageOptions.defaults().methods("POST"), page -> {
                page.request().signIn("ann");
                return page.redirect("/");
            });
            Topic open = routes.topic("open"); // no authorizer of its own: the page's rule must hold
            routes.ssePage(
                    "/topic-page", PageOptions.defaults().requireUser(), page -> text("t"), "/topic-page/sse", open);
            routes.ssePage(
                    "/handler-page",
                    PageOptions.defaults().requireUser(),
                    page -> text("h"),
                    "/handler-page/sse",
                    sse -> sse.send("for " + sse.request().user().orElseThrow()));
        }
        app.start("127.0.0.1", 0);
        browser = new WebClient(app.uri("/"));
    }

    @AfterEach
    void stop() {
        browser.close();
        app.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/area"})
    void strangersGet401FromBothKindsOfStream(String prefix) {
        for (String stream : new String[] {"/topic-page/sse", "/handler-page/sse"}) {
            try (var stranger = SseTestClient.open(app.uri(prefix + stream))) {
                assertThat(stranger.status()).as(prefix + stream).isEqualTo(401);
                assertThat(stranger.awaitEnd(Await.DEFAULT)).isTrue();
                assertThat(stranger.pending()).isEmpty();
            }
        }
        assertThat(app.openStreams()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/area"})
    void aSignedInUserGetsBoth(String prefix) throws Exception {
        browser.post(prefix + "/login", "", null, null);
        try (var handler = SseTestClient.open(browser.http, app.uri(prefix + "/handler-page/sse"), Map.of());
                var topic = SseTestClient.open(browser.http, app.uri(prefix + "/topic-page/sse"), Map.of())) {
            assertThat(handler.next(Await.DEFAULT).data()).isEqualTo("for ann");
            assertThat(topic.status()).isEqualTo(200);
            Topic open =
                    prefix.isEmpty() ? app.topic("open") : app.under(prefix).topic("open");
            Await.value("subscribers", open::subscribers, 1);
            String id = open.publish("news");
            assertThat(topic.next(Await.DEFAULT).lastEventId()).isEqualTo(id);
        }
    }
}
