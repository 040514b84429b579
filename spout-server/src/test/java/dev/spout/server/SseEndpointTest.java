package dev.spout.server;

import static dev.spout.html.Html.div;
import static dev.spout.html.Html.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spout.engine.stream.CloseReason;
import dev.spout.engine.stream.SseStream;
import dev.spout.engine.stream.StreamClosedException;
import dev.spout.testkit.Await;
import dev.spout.testkit.SseTestClient;
import dev.spout.testkit.SseTestClient.Event;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Per-client SSE endpoints on a real server, read by a real HTTP client. */
class SseEndpointTest {
    static final Duration WAIT = Duration.ofSeconds(5);

    final Spout app = Spout.create();
    final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        app.close();
        http.close();
    }

    @Test
    void sendsTheEventStreamHeadersBeforeTheFirstEvent() throws Exception {
        var release = new CountDownLatch(1);
        app.sse("/sse", sse -> {
            release.await();
            sse.send("late");
        });
        app.start("127.0.0.1", 0);

        try (var stream = SseTestClient.open(app.uri("/sse"), Map.of("Accept-Encoding", "gzip"))) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.headers().firstValue("Content-Type")).hasValue("text/event-stream");
            assertThat(stream.headers().firstValue("Cache-Control")).hasValue("no-cache");
            assertThat(stream.headers().firstValue("X-Accel-Buffering")).hasValue("no");
            assertThat(stream.headers().firstValue("Content-Encoding")).isEmpty();
            release.countDown();
            assertThat(stream.next(WAIT).data()).isEqualTo("late");
        }
    }

    @Test
    void writesTheSpecsWireFormatExactly() throws Exception {
        app.sse("/sse", sse -> {
            sse.retry(Duration.ofMillis(2500));
            sse.send("12:00:00", "message", "7");
            sse.send("line one\r\nline two\rline three\nline four");
            sse.comment("keep\nalive");
            sse.send(dev.spout.sse.SseEvent.of("").withEvent("empty"));
        });
        app.start("127.0.0.1", 0);

        var response = http.send(
                HttpRequest.newBuilder(app.uri("/sse"))
                        .header("Accept", "text/event-stream")
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(new String(response.body(), StandardCharsets.UTF_8))
                .isEqualTo("retry: 2500\n\n"
                        + "id: 7\nevent: message\ndata: 12:00:00\n\n"
                        + "data: line one\ndata: line two\ndata: line three\ndata: line four\n\n"
                        + ": keep\n: alive\n\n"
                        + "event: empty\ndata: \n\n");
    }

    @Test
    void eventsArriveOneByOneWithTheirIdsAndTypes() {
        app.sse("/sse", sse -> {
            for (int i = 1; i <= 3; i++) {
                sse.send("tick " + i, i == 2 ? "special" : null, String.valueOf(i));
                Thread.sleep(20);
            }
        });
        app.start("127.0.0.1", 0);

        try (var stream = SseTestClient.open(app.uri("/sse"))) {
            assertThat(stream.next(3, WAIT))
                    .containsExactly(
                            new Event("message", "tick 1", "1"),
                            new Event("special", "tick 2", "2"),
                            new Event("message", "tick 3", "3"));
            assertThat(stream.awaitEnd(WAIT))
                    .as("returning from the handler ends the stream")
                    .isTrue();
        }
    }

    @Test
    void theHandlerSeesTheLastEventIdTheClientSent() {
        app.sse("/sse", sse -> sse.send(sse.lastEventId().orElse("none")));
        app.start("127.0.0.1", 0);

        try (var stream = SseTestClient.open(app.uri("/sse"), Map.of("Last-Event-ID", "41"))) {
            assertThat(stream.next(WAIT).data()).isEqualTo("41");
        }
        try (var stream = SseTestClient.open(app.uri("/sse"))) {
            assertThat(stream.next(WAIT).data()).isEqualTo("none");
        }
    }

    @Test
    void refusesForgedFieldsWithoutWritingAnything() {
        BlockingQueue<Throwable> refused = new ArrayBlockingQueue<>(2);
        app.sse("/sse", sse -> {
            try {
                sse.send("x", "evil\ndata: forged", null);
            } catch (IllegalArgumentException e) {
                refused.add(e);
            }
            try {
                sse.send("x", null, "1\r\nevent: forged");
            } catch (IllegalArgumentException e) {
                refused.add(e);
            }
            sse.send("honest");
        });
        app.start("127.0.0.1", 0);

        try (var stream = SseTestClient.open(app.uri("/sse"))) {
            assertThat(stream.next(WAIT)).isEqualTo(new Event("message", "honest", ""));
            assertThat(stream.awaitEnd(WAIT)).isTrue();
            assertThat(stream.pending()).isEmpty();
        }
        assertThat(refused).hasSize(2);
    }

    @Test
    void aClientLeavingInterruptsASleepingHandlerAfterItsCloseListeners() throws Exception {
        var reasonWhenWoken = new ArrayBlockingQueue<Object>(1);
        var closed = new AtomicReference<CloseReason>();
        var listenerRuns = new java.util.concurrent.atomic.AtomicInteger();
        app.sse("/sse", sse -> {
            sse.onClose(closed::set);
            sse.onClose(reason -> listenerRuns.incrementAndGet());
            sse.send("hello");
            try {
                Thread.sleep(Duration.ofMinutes(5));
            } catch (InterruptedException e) {
                // The close sequence interrupts a handler last: its listeners have run by now.
                reasonWhenWoken.add(closed.get() == null ? "no close reason yet" : closed.get());
                throw e;
            }
        });
        app.start("127.0.0.1", 0);

        var stream = SseTestClient.open(app.uri("/sse"));
        stream.next(WAIT);
        assertThat(app.openStreams()).isEqualTo(1);
        stream.close();

        assertThat(reasonWhenWoken.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS))
                .as("the handler is interrupted, after its close listeners")
                .isInstanceOf(CloseReason.ClientGone.class);
        assertThat(app.openStreams()).isZero();
        assertThat(listenerRuns.get()).isEqualTo(1);
    }

    @Test
    void sendingAfterTheClientLeftThrowsStreamClosed() throws Exception {
        var outcome = new ArrayBlockingQueue<Object>(4); // what the handler saw, so a failure says what happened
        var gone = new CountDownLatch(1);
        app.sse("/sse", sse -> {
            try {
                sse.onClose(reason -> gone.countDown());
                sse.send("hello");
            } catch (RuntimeException e) {
                outcome.add(new AssertionError("the first send failed", e));
                throw e;
            }
            try {
                gone.await();
            } catch (InterruptedException expected) {
                // Spout interrupts a handler whose client left; this one carries on regardless.
            }
            try {
                sse.send("too late");
                outcome.add("the send went through");
            } catch (RuntimeException e) {
                outcome.add(e);
            }
        });
        app.start("127.0.0.1", 0);

        var stream = SseTestClient.open(app.uri("/sse"));
        stream.next(WAIT);
        stream.close();

        Object thrown = outcome.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(thrown).isInstanceOf(StreamClosedException.class);
        assertThat((StreamClosedException) thrown).hasMessageContaining("/sse");
        assertThat(((StreamClosedException) thrown).reason()).isInstanceOf(CloseReason.ClientGone.class);
    }

    /**
     * A client that reads an event and leaves at once can make the write of that event fail after the fact (its
     * bytes reached the client while the server's thread was still finishing the write). The send succeeded all the
     * same, and says so; the handler then wakes from its interrupt. Caught one round in a few hundred under load
     * before the fix, so this runs many rounds.
     */
    @Test
    void aSendWhoseBytesTheClientReadSucceedsEvenIfTheClientLeavesAtOnce() throws Exception {
        var outcomes = new ArrayBlockingQueue<String>(1);
        app.sse("/sse", sse -> {
            try {
                sse.send("hello");
            } catch (StreamClosedException e) {
                outcomes.add("the send of an event the client read failed: " + e.getMessage());
                return;
            }
            try {
                Thread.sleep(Duration.ofMinutes(5));
                outcomes.add("not interrupted");
            } catch (InterruptedException e) {
                outcomes.add("sent, then interrupted");
            }
        });
        app.start("127.0.0.1", 0);

        for (int round = 0; round < 200; round++) {
            var stream = SseTestClient.open(app.uri("/sse"));
            stream.next(WAIT);
            stream.close();
            assertThat(outcomes.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS))
                    .as("round %d", round)
                    .isEqualTo("sent, then interrupted");
        }
    }

    @Test
    void aFailingHandlerIsLoggedOnceWithItsPathAndTheStreamEnds() throws Exception {
        try (var logs = new LogCapture()) {
            app.sse("/broken", sse -> {
                sse.send("before");
                throw new IllegalStateException("boom");
            });
            app.start("127.0.0.1", 0);

            try (var stream = SseTestClient.open(app.uri("/broken"))) {
                assertThat(stream.next(WAIT).data()).isEqualTo("before");
                assertThat(stream.awaitEnd(WAIT)).isTrue();
            }
            awaitOpenStreams(0);
            assertThat(logs.errors()).hasSize(1);
            assertThat(logs.errors().getFirst().getFormattedMessage()).contains("/broken");
            assertThat(logs.errors().getFirst().getThrowableProxy().getMessage())
                    .isEqualTo("boom");
        }
    }

    /** What Chrome sends when it navigates to an address, typed in or a link followed. */
    static final String BROWSER_NAVIGATION = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,"
            + "image/webp,image/apng,*/*;q=0.8,application/signed-exchange;v=b3;q=0.7";

    @Test
    void aBrowserVisitingTheStreamIsRedirectedToItsPage() throws Exception {
        app.ssePage("/client", page -> div(text("page")), "/sse", sse -> sse.send("x"));
        app.start("127.0.0.1", 0);

        for (String accept : List.of("text/html", BROWSER_NAVIGATION)) {
            var response = http.send(
                    HttpRequest.newBuilder(app.uri("/sse"))
                            .header("Accept", accept)
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            assertThat(response.statusCode()).as(accept).isEqualTo(302);
            assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith("/client");
        }
    }

    /** As curl, Python's requests, Node's fetch and Go's client ask: {@code *}{@code /*}, or no Accept at all. */
    @Test
    void curlAndHttpLibrariesGetTheStreamEvenWhenItHasAPage() throws Exception {
        app.ssePage("/client", page -> div(text("page")), "/sse", sse -> sse.send("x"));
        app.sse("/plain", sse -> sse.send("y"));
        app.start("127.0.0.1", 0);

        for (String path : List.of("/sse", "/plain")) {
            try (var curl = SseTestClient.open(app.uri(path), Map.of("Accept", "*/*"));
                    var bare = SseTestClient.open(app.uri(path), Map.of("Accept", ""))) {
                for (var client : List.of(curl, bare)) {
                    assertThat(client.status()).as(path).isEqualTo(200);
                    assertThat(client.headers().firstValue("Content-Type")).hasValue("text/event-stream");
                    assertThat(client.next(WAIT).data()).isEqualTo(path.equals("/sse") ? "x" : "y");
                }
            }
        }
    }

    @Test
    void aStreamWithoutPageRefusesWhatTakesNoEventStream() throws Exception {
        app.sse("/sse", sse -> sse.send("x"));
        app.start("127.0.0.1", 0);

        for (String accept : List.of("text/html", "application/json", "text/event-stream;q=0, */*")) {
            var response = http.send(
                    HttpRequest.newBuilder(app.uri("/sse"))
                            .header("Accept", accept)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(accept).isEqualTo(406);
            assertThat(response.body()).contains("text/event-stream");
        }
    }

    @Test
    void onlyGetOpensAStream() throws Exception {
        app.sse("/sse", sse -> sse.send("x"));
        app.start("127.0.0.1", 0);

        var response = http.send(
                HttpRequest.newBuilder(app.uri("/sse"))
                        .header("Accept", "text/event-stream")
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).hasValue("GET");
    }

    @Test
    void closingTheAppEndsStreamsCleanly() {
        var reason = new AtomicReference<CloseReason>();
        app.sse("/sse", sse -> {
            sse.onClose(reason::set);
            sse.send("hi");
            Thread.sleep(Duration.ofMinutes(5));
        });
        app.start("127.0.0.1", 0);

        try (var stream = SseTestClient.open(app.uri("/sse"))) {
            stream.next(WAIT);
            app.close();
            assertThat(stream.awaitEnd(WAIT)).isTrue();
        }
        assertThat(reason.get()).isInstanceOf(CloseReason.ServerStopping.class);
    }

    @Test
    void theApplicationCanCloseAStreamFromAnotherThread() throws Exception {
        var streams = new ArrayBlockingQueue<SseStream>(1);
        app.sse("/sse", sse -> {
            streams.add(sse);
            sse.send("hi");
            Thread.sleep(Duration.ofMinutes(5));
        });
        app.start("127.0.0.1", 0);

        try (var stream = SseTestClient.open(app.uri("/sse"))) {
            stream.next(WAIT);
            SseStream serverSide = streams.poll(5, TimeUnit.SECONDS);
            serverSide.close();
            assertThat(stream.awaitEnd(WAIT)).isTrue();
            assertThat(serverSide.isOpen()).isFalse();
            assertThatThrownBy(() -> serverSide.send("after")).isInstanceOf(StreamClosedException.class);
        }
    }

    void awaitOpenStreams(int expected) {
        Await.value("open streams", app::openStreams, expected);
    }
}
