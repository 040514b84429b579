package dev.spout.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spout.engine.topic.Topic;
import dev.spout.testkit.Await;
import dev.spout.testkit.SseTestClient;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** A browser that signs in with Spring Security's login form and keeps its session cookie, and signs out. */
final class FormSignIn {
    static final Duration WAIT = Duration.ofSeconds(10);

    private FormSignIn() {}

    /** A client holding the session of {@code user}, signed in by the form (password: the name and "-pw"). */
    static HttpClient as(URI login, String user) throws Exception {
        var browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        var answer = post(browser, login, "username=" + user + "&password=" + user + "-pw");
        if (answer.statusCode() != 302
                || answer.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("The sign-in of " + user + " failed: " + answer.statusCode() + " "
                    + answer.headers().map());
        }
        return browser;
    }

    /** Posts Spring Security's logout. */
    static int signOut(HttpClient browser, URI logout) throws Exception {
        return post(browser, logout, "").statusCode();
    }

    /**
     * Ann, signed in twice (two browsers), streams {@code /me/notifications} in both; she signs one of them out: that
     * one's stream ends before the next note, the other's goes on.
     */
    static void signingOutEndsThatSessionsStreamOnly(Running app, Topic annsTopic) throws Exception {
        try (var ann = as(app.uri("/login"), "ann");
                var annsOtherBrowser = as(app.uri("/login"), "ann");
                var stream = SseTestClient.open(ann, app.uri("/me/notifications"), Map.of());
                var other = SseTestClient.open(annsOtherBrowser, app.uri("/me/notifications"), Map.of())) {
            Await.value("ann's subscribers", annsTopic::subscribers, 2);
            annsTopic.publish("before");
            assertThat(stream.next(WAIT).data()).isEqualTo("before");

            assertThat(signOut(ann, app.uri("/logout"))).isIn(204, 302); // 204 to a client that is not a browser
            assertThat(stream.awaitEnd(WAIT))
                    .as("the signed-out session's stream")
                    .isTrue();
            annsTopic.publish("after");
            assertThat(other.next(2, WAIT))
                    .extracting(SseTestClient.Event::data)
                    .containsExactly("before", "after");
            assertThat(stream.pending()).isEmpty();
        }
    }

    private static HttpResponse<Void> post(HttpClient browser, URI uri, String form) throws Exception {
        return browser.send(
                HttpRequest.newBuilder(uri)
                        .timeout(WAIT)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
    }
}
