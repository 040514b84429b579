package dev.spout.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Dropped connections, resumption by Last-Event-ID, stalls, backoff, closing. */
class ClientReconnectTest {
    static final Duration WAIT = Duration.ofSeconds(10);

    final ScriptedServer server = new ScriptedServer();

    ClientReconnectTest() throws Exception {}

    @AfterEach
    void stop() throws Exception {
        server.close();
        assertThat(server.failures()).isEmpty();
    }

    @Test
    void reconnectsAfterTheServersRetryDelaySendingTheLastEventId() throws Exception {
        server.then((request, exchange) -> exchange.stream()
                        .write("retry: 200\nid: 7\ndata: first\n\n")
                        .end())
                .then((request, exchange) ->
                        exchange.stream().write("data: second\n\n").end());

        try (var source =
                EventSource.builder(server.uri("/s")).backoff(Backoff.none()).connect()) {
            assertThat(Happenings.next(source, MessageEvent.class, WAIT))
                    .isEqualTo(new MessageEvent("message", "first", "7", origin()));
            var reconnecting = Happenings.next(source, StreamEvent.Reconnecting.class, WAIT);
            assertThat(reconnecting.delay()).isEqualTo(Duration.ofMillis(200));
            long before = System.nanoTime();
            assertThat(Happenings.next(source, MessageEvent.class, WAIT))
                    .isEqualTo(new MessageEvent("message", "second", "7", origin()));
            assertThat(Duration.ofNanos(System.nanoTime() - before)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
        }
        assertThat(server.request(WAIT).header("Last-Event-ID")).isNull();
        assertThat(server.request(WAIT).header("Last-Event-ID")).isEqualTo("7");
    }

    @Test
    void anIdOnlyBlockMovesTheLastEventIdAndAnEmptyIdClearsIt() throws Exception {
        server.then((request, exchange) -> exchange.stream()
                        .write("retry: 10\ndata: a\nid: 1\n\nid: 2\n\n")
                        .end())
                .then((request, exchange) -> exchange.stream().write("id:\n\n").end())
                .then((request, exchange) ->
                        exchange.stream().write("data: c\n\n").end());

        try (var source =
                EventSource.builder(server.uri("/s")).backoff(Backoff.none()).connect()) {
            Happenings.next(source, MessageEvent.class, WAIT);
            assertThat(Happenings.next(source, MessageEvent.class, WAIT).lastEventId())
                    .isEmpty();
        }
        server.request(WAIT);
        assertThat(server.request(WAIT).header("Last-Event-ID")).isEqualTo("2");
        assertThat(server.request(WAIT).header("Last-Event-ID"))
                .as("empty: not sent")
                .isNull();
    }

    @Test
    void anEventCutOffByADroppedConnectionIsNeverDelivered() throws Exception {
        server.then((request, exchange) -> exchange.stream()
                        .write("retry: 10\nid: 1\ndata: whole\n\nid: 2\ndata: cut")
                        .drop())
                .then((request, exchange) ->
                        exchange.stream().write("id: 2\ndata: again\n\n").end());

        List<String> data = new ArrayList<>();
        try (var source =
                EventSource.builder(server.uri("/s")).backoff(Backoff.none()).connect()) {
            data.add(Happenings.next(source, MessageEvent.class, WAIT).data());
            data.add(Happenings.next(source, MessageEvent.class, WAIT).data());
        }
        assertThat(data).containsExactly("whole", "again");
        server.request(WAIT);
        assertThat(server.request(WAIT).header("Last-Event-ID"))
                .as("the cut-off block's id is not taken")
                .isEqualTo("1");
    }

    @Test
    void aStalledStreamIsDroppedAfterTheReadTimeoutWhileHeartbeatsKeepItAlive() throws Exception {
        var heartbeatsSent = new CountDownLatch(1);
        server.then((request, exchange) -> {
                    exchange.stream().write("retry: 10\ndata: one\n\n");
                    for (int i = 0; i < 8; i++) { // 800 ms of heartbeats: well past the timeout, yet alive
                        Thread.sleep(100);
                        exchange.write(":\n\n");
                    }
                    heartbeatsSent.countDown();
                    exchange.holdUntilClientCloses(WAIT); // now silence: a stall
                })
                .then((request, exchange) ->
                        exchange.stream().write("data: two\n\n").end());

        try (var source = EventSource.builder(server.uri("/s"))
                .readTimeout(Duration.ofMillis(400))
                .backoff(Backoff.none())
                .connect()) {
            assertThat(Happenings.next(source, MessageEvent.class, WAIT).data()).isEqualTo("one");
            var reconnecting = Happenings.next(source, StreamEvent.Reconnecting.class, WAIT);
            assertThat(heartbeatsSent.await(0, TimeUnit.SECONDS))
                    .as("not timed out during heartbeats")
                    .isTrue();
            assertThat(reconnecting.cause()).hasMessageContaining("stalled");
            assertThat(Happenings.next(source, MessageEvent.class, WAIT).data()).isEqualTo("two");
        }
    }

    @Test
    void aStreamTheServerEndsIsRestarted() throws Exception {
        for (int i = 1; i <= 3; i++) {
            int n = i;
            server.then((request, exchange) -> exchange.stream()
                    .write("retry: 10\nid: " + n + "\ndata: run " + n + "\n\n")
                    .end());
        }
        List<String> data = new ArrayList<>();
        try (var source =
                EventSource.builder(server.uri("/s")).backoff(Backoff.none()).connect()) {
            for (int i = 0; i < 3; i++) {
                data.add(Happenings.next(source, MessageEvent.class, WAIT).data());
            }
        }
        assertThat(data).containsExactly("run 1", "run 2", "run 3");
    }

    @Test
    void attemptsInARowBackOffExponentiallyUpToTheCap() throws Exception {
        for (int i = 0; i < 4; i++) {
            // Opens, then drops at once. (A drop before any response would be retried by the JDK's client itself.)
            server.then((request, exchange) -> exchange.stream().drop());
        }
        server.then((request, exchange) ->
                exchange.stream().write("data: finally\n\n").end());

        List<Duration> delays = new ArrayList<>();
        try (var source = EventSource.builder(server.uri("/s"))
                .reconnectionTime(Duration.ofMillis(20))
                .backoff(Backoff.exponential()
                        .withJitter(0)
                        .withMin(Duration.ofMillis(10))
                        .withMax(Duration.ofMillis(100)))
                .connect()) {
            for (int i = 0; i < 4; i++) {
                delays.add(Happenings.next(source, StreamEvent.Reconnecting.class, WAIT)
                        .delay());
            }
            assertThat(Happenings.next(source, MessageEvent.class, WAIT).data()).isEqualTo("finally");
        }
        assertThat(delays)
                .containsExactly(
                        Duration.ofMillis(20), Duration.ofMillis(40), Duration.ofMillis(80), Duration.ofMillis(100));
    }

    @Test
    void jitterKeepsDelaysWithinTheirShare() {
        var backoff = Backoff.exponential().withJitter(0.5);
        var random = new java.util.Random(42);
        for (int i = 0; i < 1000; i++) {
            assertThat(backoff.delay(Duration.ofMillis(1000), 1, random).toMillis())
                    .isBetween(500L, 1000L);
        }
        assertThat(Backoff.exponential().withResetAfter(Duration.ofSeconds(5)).resetAfter())
                .isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void closingIsPromptAndReleasesTheConnection() throws Exception {
        var clientClosed = new CountDownLatch(1);
        server.then((request, exchange) -> {
            exchange.stream().write("data: hello\n\n");
            if (exchange.holdUntilClientCloses(WAIT)) {
                clientClosed.countDown();
            }
        });

        var source = EventSource.builder(server.uri("/s")).connect();
        Happenings.next(source, MessageEvent.class, WAIT);
        long start = System.nanoTime();
        source.close();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
        assertThat(source.readyState()).isEqualTo(ReadyState.CLOSED);
        assertThat(clientClosed.await(5, TimeUnit.SECONDS))
                .as("the server sees the connection closed")
                .isTrue();
        assertThat(source.iterator().hasNext()).isFalse();
    }

    @Test
    void closingWhileWaitingToReconnectStopsAtOnce() throws Exception {
        server.then((request, exchange) ->
                exchange.stream().write("retry: 60000\ndata: x\n\n").end());

        var source =
                EventSource.builder(server.uri("/s")).backoff(Backoff.none()).connect();
        Happenings.next(source, StreamEvent.Reconnecting.class, WAIT);
        long start = System.nanoTime();
        source.close();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
        assertThat(Happenings.untilEnd(source, WAIT).getLast()).isInstanceOf(StreamEvent.Closed.class);
    }

    @Test
    void theListenerStyleGetsEverythingInOrder() throws Exception {
        server.then((request, exchange) -> exchange.stream()
                        .write(": hi\nretry: 10\n\ndata: one\n\n")
                        .end())
                .then((request, exchange) -> exchange.respond(204).drop());

        List<String> calls = new CopyOnWriteArrayList<>();
        var closed = new CountDownLatch(1);
        try (var source = EventSource.builder(server.uri("/s"))
                .backoff(Backoff.none())
                .connect(new EventSourceListener() {
                    @Override
                    public void onOpen(StreamEvent.Open open) {
                        calls.add("open");
                    }

                    @Override
                    public void onMessage(MessageEvent event) {
                        calls.add("message " + event.data());
                    }

                    @Override
                    public void onComment(String comment) {
                        calls.add("comment " + comment);
                    }

                    @Override
                    public void onRetryChange(Duration delay) {
                        calls.add("retry " + delay.toMillis());
                    }

                    @Override
                    public void onReconnecting(Duration delay, Throwable cause) {
                        calls.add("reconnecting");
                    }

                    @Override
                    public void onFailure(EventSourceException failure) {
                        calls.add("failure " + failure.status());
                    }

                    @Override
                    public void onClosed() {
                        calls.add("closed");
                        closed.countDown();
                    }
                })) {
            assertThat(closed.await(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(calls)
                .containsExactly(
                        "open", "comment hi", "retry 10", "message one", "reconnecting", "failure 204", "closed");
    }

    private String origin() {
        return "http://127.0.0.1:" + server.port();
    }
}
