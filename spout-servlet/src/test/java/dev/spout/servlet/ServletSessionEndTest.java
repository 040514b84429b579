package dev.spout.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spout.engine.topic.Topic;
import dev.spout.testkit.Await;
import dev.spout.testkit.SseTestClient;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.CookieManager;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A stream opened with a container session ends when the session does (a sign-out invalidates it), and follows it
 * through a new id (a container's defence against fixation); a stream of another session, or of none, goes on.
 */
class ServletSessionEndTest extends OnContainers {
    static final Duration WAIT = Duration.ofSeconds(10);

    /** /signin starts a session, /rotate gives it a new id, /signout invalidates it, as a sign-in page would. */
    static final class Sessions extends HttpServlet {
        @Override
        protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
            switch (request.getServletPath()) {
                case "/signin" -> request.getSession(true).setAttribute("user", "ann");
                case "/rotate" -> request.changeSessionId();
                case "/signout" -> request.getSession(false).invalidate();
                default -> throw new IllegalStateException(request.getServletPath());
            }
            response.setStatus(204);
        }
    }

    private Topic deploy(Container container) throws Exception {
        spout = ServletSpout.create();
        Topic notes = spout.topic("notes");
        var sessions = new Sessions();
        running = container.start(new Container.Deployment()
                .listener(spout.sessionListener())
                .servlet("/signin", sessions)
                .servlet("/rotate", sessions)
                .servlet("/signout", sessions)
                .servlet("/notes", spout.servlet(notes)));
        return notes;
    }

    private int post(HttpClient browser, String path) throws Exception {
        return browser.send(
                        HttpRequest.newBuilder(running.uri(path))
                                .POST(HttpRequest.BodyPublishers.noBody())
                                .timeout(WAIT)
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    static HttpClient browser() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    }

    @ParameterizedTest
    @EnumSource(Container.class)
    void aSignOutEndsTheSessionsStreamsAndNoOthers(Container container) throws Exception {
        Topic notes = deploy(container);
        try (var ann = browser();
                var bob = browser()) {
            assertThat(post(ann, "/signin")).isEqualTo(204);
            assertThat(post(bob, "/signin")).isEqualTo(204);
            try (var annStream = SseTestClient.open(ann, running.uri("/notes"), Map.of());
                    var bobStream = SseTestClient.open(bob, running.uri("/notes"), Map.of());
                    var anonymous = SseTestClient.open(running.uri("/notes"))) {
                Await.value("subscribers", notes::subscribers, 3);
                notes.publish("before");
                assertThat(annStream.next(WAIT).data()).isEqualTo("before");

                assertThat(post(ann, "/signout")).isEqualTo(204);
                assertThat(annStream.awaitEnd(WAIT))
                        .as("ann's stream ends with her session")
                        .isTrue();
                Await.value("subscribers", notes::subscribers, 2);
                notes.publish("after");
                assertThat(annStream.pending()).isEmpty();
                assertThat(bobStream.next(2, WAIT))
                        .extracting(SseTestClient.Event::data)
                        .containsExactly("before", "after");
                assertThat(anonymous.next(2, WAIT))
                        .extracting(SseTestClient.Event::data)
                        .containsExactly("before", "after");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Container.class)
    void aStreamFollowsItsSessionThroughANewId(Container container) throws Exception {
        Topic notes = deploy(container);
        try (var ann = browser()) {
            post(ann, "/signin");
            try (var stream = SseTestClient.open(ann, running.uri("/notes"), Map.of())) {
                Await.value("subscribers", notes::subscribers, 1);
                assertThat(post(ann, "/rotate")).isEqualTo(204);
                notes.publish("still hers");
                assertThat(stream.next(WAIT).data()).isEqualTo("still hers");

                assertThat(post(ann, "/signout")).as("by the new id's cookie").isEqualTo(204);
                assertThat(stream.awaitEnd(WAIT)).isTrue();
                Await.value("subscribers", notes::subscribers, 0);
            }
        }
    }
}
