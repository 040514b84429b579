package dev.spout.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the client sends, which responses open a stream, and which end it for good. */
class ClientProtocolTest {
    static final Duration WAIT = Duration.ofSeconds(10);

    final ScriptedServer server = new ScriptedServer();

    ClientProtocolTest() throws Exception {}

    @AfterEach
    void stop() throws Exception {
        server.close();
        assertThat(server.failures()).isEmpty();
    }

    @Test
    void sendsTheHeadersOfAnEventSourceAndCustomOnes() throws Exception {
        server.then(
                (request, exchange) -> exchange.stream().write("data: hi\n\n").end());

        try (var source = EventSource.builder(server.uri("/h"))
                .header("Authorization", "Bearer t")
                .reconnect(false)
                .connect()) {
            assertThat(source.iterator().next().data()).isEqualTo("hi");
        }
        var request = server.request(WAIT);
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.header("Accept")).isEqualTo("text/event-stream");
        assertThat(request.header("Cache-Control")).isEqualTo("no-cache");
        assertThat(request.header("Authorization")).isEqualTo("Bearer t");
        assertThat(request.header("Last-Event-ID")).as("not sent while empty").isNull();
    }

    @Test
    void anInitialLastEventIdIsSentOnTheFirstConnection() throws Exception {
        server.then(
                (request, exchange) -> exchange.stream().write("data: hi\n\n").end());

        try (var source = EventSource.builder(server.uri("/h"))
                .lastEventId("41")
                .reconnect(false)
                .connect()) {
            MessageEvent event = source.iterator().next();
            assertThat(event.lastEventId())
                    .as("a block without id keeps the given one")
                    .isEqualTo("41");
        }
        assertThat(server.request(WAIT).header("Last-Event-ID")).isEqualTo("41");
    }

    @Test
    void postsABodyForStreamingApis() throws Exception {
        server.then((request, exchange) -> exchange.stream()
                .write("data: {\"token\":\"Hel\"}\n\ndata: {\"token\":\"lo\"}\n\n")
                .end());

        List<String> tokens;
        try (var source = EventSource.builder(server.uri("/v1/chat"))
                .method("POST", "{\"prompt\":\"hi\",\"stream\":true}")
                .header("Content-Type", "application/json")
                .reconnect(false)
                .connect()) {
            tokens = source.messages().map(MessageEvent::data).toList();
        }
        assertThat(tokens).containsExactly("{\"token\":\"Hel\"}", "{\"token\":\"lo\"}");
        var request = server.request(WAIT);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.body()).isEqualTo("{\"prompt\":\"hi\",\"stream\":true}");
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
    }

    @ParameterizedTest
    @ValueSource(ints = {301, 302, 303, 307})
    void followsRedirects(int status) throws Exception {
        server.then((request, exchange) -> exchange.respond(status, "Location: /moved", "Content-Length: 0")
                        .drop())
                .then((request, exchange) ->
                        exchange.stream().write("data: here\n\n").end());

        try (var source =
                EventSource.builder(server.uri("/old")).reconnect(false).connect()) {
            var open = Happenings.next(source, StreamEvent.Open.class, WAIT);
            assertThat(open.url().getPath()).isEqualTo("/moved");
            assertThat(source.iterator().next().data()).isEqualTo("here");
        }
        assertThat(server.request(WAIT).path()).isEqualTo("/old");
        assertThat(server.request(WAIT).path()).isEqualTo("/moved");
    }

    @Test
    void a307KeepsThePostAndItsBody() throws Exception {
        server.then((request, exchange) -> exchange.respond(307, "Location: /moved", "Content-Length: 0")
                        .drop())
                .then((request, exchange) ->
                        exchange.stream().write("data: here\n\n").end());

        try (var source = EventSource.builder(server.uri("/old"))
                .method("POST", "body")
                .reconnect(false)
                .connect()) {
            assertThat(source.iterator().next().data()).isEqualTo("here");
        }
        server.request(WAIT);
        var moved = server.request(WAIT);
        assertThat(moved.method()).isEqualTo("POST");
        assertThat(moved.body()).isEqualTo("body");
    }

    @Test
    void noContentEndsTheStreamForGoodWithoutReconnecting() throws Exception {
        server.then((request, exchange) -> exchange.respond(204).drop());

        try (var source = EventSource.builder(server.uri("/stop"))
                .reconnectionTime(Duration.ofMillis(10))
                .connect()) {
            var happened = Happenings.untilEnd(source, WAIT);
            var failed = (StreamEvent.Failed) happened.getLast();
            assertThat(failed.cause().kind()).isEqualTo(EventSourceException.Kind.NO_CONTENT);
            assertThat(source.readyState()).isEqualTo(ReadyState.CLOSED);
            assertThatThrownBy(() -> source.iterator().hasNext()).isInstanceOf(EventSourceException.class);
        }
        server.request(WAIT);
        assertThat(server.pendingRequests()).as("no second request").isZero();
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 404, 500, 503})
    void otherStatusesEndTheStreamForGoodByDefault(int status) throws Exception {
        server.then((request, exchange) ->
                exchange.respond(status, "Content-Length: 0").drop());

        try (var source = EventSource.builder(server.uri("/x"))
                .reconnectionTime(Duration.ofMillis(10))
                .connect()) {
            var failed = (StreamEvent.Failed) Happenings.untilEnd(source, WAIT).getLast();
            assertThat(failed.cause().kind()).isEqualTo(EventSourceException.Kind.HTTP_STATUS);
            assertThat(failed.cause().status()).isEqualTo(status);
        }
        server.request(WAIT);
        assertThat(server.pendingRequests()).isZero();
    }

    @Test
    void serverErrorsCanBeRetriedHonouringRetryAfter() throws Exception {
        server.then((request, exchange) -> exchange.respond(503, "Retry-After: 1", "Content-Length: 0")
                        .drop())
                .then((request, exchange) ->
                        exchange.stream().write("data: back\n\n").end());

        try (var source = EventSource.builder(server.uri("/busy"))
                .retryServerErrors(true)
                .reconnect(true)
                .connect()) {
            var reconnecting = Happenings.next(source, StreamEvent.Reconnecting.class, WAIT);
            assertThat(reconnecting.delay()).isEqualTo(Duration.ofSeconds(1));
            assertThat(((EventSourceException) reconnecting.cause()).status()).isEqualTo(503);
            assertThat(Happenings.next(source, MessageEvent.class, WAIT).data()).isEqualTo("back");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/html", "application/json", "text/plain", ""})
    void aResponseThatIsNotAnEventStreamEndsForGood(String type) throws Exception {
        server.then((request, exchange) -> {
            if (type.isEmpty()) {
                exchange.respond(200);
            } else {
                exchange.respond(200, "Content-Type: " + type);
            }
            exchange.write("data: nope\n\n").end();
        });

        try (var source = EventSource.builder(server.uri("/x"))
                .reconnectionTime(Duration.ofMillis(10))
                .connect()) {
            var happened = Happenings.untilEnd(source, WAIT);
            assertThat(happened).noneMatch(MessageEvent.class::isInstance);
            assertThat(((StreamEvent.Failed) happened.getLast()).cause().kind())
                    .isEqualTo(EventSourceException.Kind.NOT_AN_EVENT_STREAM);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/event-stream; charset=utf-8", "TEXT/EVENT-STREAM", "text/event-stream;x=y"})
    void contentTypeParametersAndCaseAreAllowed(String type) throws Exception {
        server.then((request, exchange) -> exchange.respond(200, "Content-Type: " + type)
                .write("data: ok\n\n")
                .end());

        try (var source = EventSource.builder(server.uri("/x")).reconnect(false).connect()) {
            assertThat(source.iterator().next().data()).isEqualTo("ok");
        }
    }
}
