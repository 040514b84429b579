package dev.spout.examples;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spout.server.Spout;
import dev.spout.testkit.SseTestClient;
import dev.spout.testkit.SseTestClient.Event;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Datastar examples as Datastar's client speaks to them (its {@code fetch}-based reader: {@code Accept:
 * text/event-stream, text/html, application/json}, {@code Datastar-Request: true}, the signals as a JSON body, and
 * after a lost connection the last id it read in a {@code last-event-id} header), over real HTTP. Datastar 1.0's
 * script is not in any package registry the build may use (see {@link Datastar}), so no browser runs it here.
 */
class DatastarExamplesTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final Map<String, String> DATASTAR =
            Map.of("Accept", "text/event-stream, text/html, application/json", "Datastar-Request", "true");

    private Spout demo;
    private HttpClient http;

    @BeforeEach
    void start() {
        demo = Demo.create(null).start("127.0.0.1", 0);
        http = HttpClient.newHttpClient();
    }

    @AfterEach
    void stop() {
        http.close();
        demo.close();
    }

    @Test
    void theTogglesPageOpensItsStreamAndItsBoxesPostTheirClicks() throws Exception {
        var page = http.send(
                HttpRequest.newBuilder(uri("/datastar-toggles/client")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.body())
                .contains("<script type=\"module\" src=\"" + Datastar.CDN + "\"></script>")
                .contains("data-init=\"@get(&#39;/datastar-toggles/sse&#39;)\"")
                .contains("<div id=\"one\"")
                .contains("data-on:click=\"@post(&#39;/datastar-toggles/flip/one&#39;)\"");
        var index = http.send(HttpRequest.newBuilder(uri("/")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(index.body())
                .contains("<a href=\"/datastar-toggles/client\">Toggles, Datastar</a>")
                .contains("<a href=\"/datastar-chat/client\">Chat, Datastar</a>");
    }

    @Test
    void everyBrowserSeesBothBoxesAfterEachClickAndOneThatReconnectsCatchesUpExactly() throws Exception {
        try (var first = SseTestClient.open(uri("/datastar-toggles/sse"), DATASTAR);
                var second = SseTestClient.open(uri("/datastar-toggles/sse"), DATASTAR)) {
            assertThat(post("/datastar-toggles/flip/three", "{}").statusCode()).isEqualTo(404);
            assertThat(post("/datastar-toggles/flip/one", "{}").statusCode()).isEqualTo(204);
            Event flipped = first.next(WAIT);
            assertThat(flipped.type()).isEqualTo("datastar-patch-elements");
            assertThat(flipped.data())
                    .startsWith("elements <div id=\"one\"")
                    .contains(">false</div>")
                    .contains("id=\"two\"");
            assertThat(second.next(WAIT)).isEqualTo(flipped);

            first.close(); // its connection lost: Datastar retries with the last id it read
            post("/datastar-toggles/flip/two", "{}");
            post("/datastar-toggles/flip/one", "{}");
            assertThat(second.next(2, WAIT)).hasSize(2);
            try (var back = SseTestClient.open(uri("/datastar-toggles/sse"), withLastEventId(flipped.lastEventId()))) {
                var missed = back.next(2, WAIT);
                assertThat(missed.get(1).data()).contains(">true</div>").doesNotContain(">false</div>");
                assertThat(back.pending()).isEmpty();
            }
        }
        try (var late = SseTestClient.open(uri("/datastar-toggles/sse"), DATASTAR)) {
            assertThat(late.next(WAIT).data()).contains(">true</div>"); // the last state, once
            assertThat(late.pending()).isEmpty();
        }
    }

    @Test
    void aChatMessageIsAppendedEscapedInEveryBrowserAndThePosterIsAnsweredByEvents() throws Exception {
        try (var reader = SseTestClient.open(uri("/datastar-chat/events"), DATASTAR)) {
            var sent = post("/datastar-chat/messages", "{\"from\":\"ann\",\"message\":\"<b>hi</b>\",\"other\":1}");
            assertThat(sent.statusCode()).isEqualTo(200);
            assertThat(sent.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
            assertThat(sent.body())
                    .isEqualTo("event: datastar-patch-signals\ndata: signals {\"message\":\"\"}\n\n"
                            + "event: datastar-patch-elements\ndata: elements <p id=\"chat-error\"></p>\n\n");
            Event message = reader.next(WAIT);
            assertThat(message.type()).isEqualTo("datastar-patch-elements");
            assertThat(message.data())
                    .isEqualTo("selector #messages\nmode append\nelements <li>ann: &lt;b&gt;hi&lt;/b&gt;</li>");

            var refused = post("/datastar-chat/messages", "{\"from\":\"ann\",\"message\":\"  \"}");
            assertThat(refused.body()).contains("<p id=\"chat-error\">A message needs a name");
            var notSignals = post("/datastar-chat/messages", "[1, 2]");
            assertThat(notSignals.statusCode()).isEqualTo(400);
            assertThat(notSignals.body()).contains("JSON object");

            post("/datastar-chat/messages", "{\"from\":\"bob\",\"message\":\"second\"}");
            assertThat(reader.next(WAIT).data()).contains("bob: second");
        }
        try (var later = SseTestClient.open(uri("/datastar-chat/events"), DATASTAR)) { // the room's history, in order
            assertThat(later.next(2, WAIT))
                    .extracting(Event::data)
                    .satisfiesExactly(
                            first -> assertThat(first).contains("ann: &lt;b&gt;"),
                            second -> assertThat(second).contains("bob: second"));
        }
    }

    private HttpResponse<String> post(String path, String signals) throws Exception {
        var request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .header("Datastar-Request", "true")
                .header("Accept", DATASTAR.get("Accept"))
                .POST(HttpRequest.BodyPublishers.ofString(signals, UTF_8))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString(UTF_8));
    }

    private static Map<String, String> withLastEventId(String id) {
        var headers = new java.util.HashMap<>(DATASTAR);
        headers.put("last-event-id", id);
        return headers;
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + demo.port() + path);
    }
}
