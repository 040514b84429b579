package dev.spout.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spout.engine.stream.CloseReason;
import dev.spout.engine.stream.SseHandler;
import dev.spout.engine.stream.SseStream;
import dev.spout.engine.stream.StreamClosedException;
import dev.spout.engine.topic.Topic;
import dev.spout.testkit.Await;
import dev.spout.testkit.SseTestClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The close sequence as a contract (docs/engine.md, "How a stream ends"): whatever ends a stream, it is marked
 * closed, leaves the limits, the count and its topic, ends its exchange, runs its close listeners once each in order,
 * and only then interrupts its handler. Each test records what every step could see, in the order it happened, and
 * compares the whole record: the order is guaranteed, so nothing here depends on timing.
 */
class CloseSequenceTest {
    private static final Duration WAIT = Await.DEFAULT;

    private Spout app;
    private final BlockingQueue<String> record = new LinkedBlockingQueue<>();

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    /** A handler that records what its listeners, its wake-up and its later sends see. */
    private SseHandler recordingHandler() {
        var woke = new AtomicBoolean();
        return sse -> {
            sse.onClose(reason -> {
                record.add("listener 1: " + name(reason));
                record.add("open: " + sse.isOpen());
                record.add("send: " + trySend(sse));
                record.add("open streams: " + app.openStreams());
                record.add("handler woke: " + woke.get());
            });
            sse.onClose(reason -> record.add("listener 2: " + name(reason)));
            sse.send("hello");
            try {
                Thread.sleep(Duration.ofMinutes(5));
            } catch (InterruptedException expected) {
                woke.set(true);
                record.add("handler interrupted");
            }
            record.add("later send: " + trySend(sse));
            sse.onClose(reason -> record.add("listener added late: " + name(reason)));
        };
    }

    @Test
    void whenTheClientLeavesEveryStepHappensInOrder() {
        app = Spout.create();
        app.sse("/sse", recordingHandler());
        app.start("127.0.0.1", 0);

        var client = SseTestClient.open(app.uri("/sse"));
        client.next(WAIT);
        client.close();

        assertThat(recordOf(9))
                .containsExactly(
                        "listener 1: ClientGone",
                        "open: false",
                        "send: refused (ClientGone)",
                        "open streams: 0",
                        "handler woke: false",
                        "listener 2: ClientGone",
                        "handler interrupted",
                        "later send: refused (ClientGone)",
                        "listener added late: ClientGone");
    }

    @Test
    void whenTheServerStopsEveryStepHappensInOrder() {
        app = Spout.create(options -> options.shutdownTimeout(WAIT));
        app.sse("/sse", recordingHandler());
        app.start("127.0.0.1", 0);

        try (var client = SseTestClient.open(app.uri("/sse"))) {
            client.next(WAIT);
            app.close();
            assertThat(client.awaitEnd(WAIT)).as("the stream ends cleanly").isTrue();
        }

        assertThat(recordOf(9))
                .containsExactly(
                        "listener 1: ServerStopping",
                        "open: false",
                        "send: refused (ServerStopping)",
                        "open streams: 0",
                        "handler woke: false",
                        "listener 2: ServerStopping",
                        "handler interrupted",
                        "later send: refused (ServerStopping)",
                        "listener added late: ServerStopping");
    }

    @Test
    void whenTheApplicationClosesAStreamItsHandlerIsInterruptedAfterTheListeners() throws Exception {
        app = Spout.create();
        var streams = new LinkedBlockingQueue<SseStream>();
        app.sse("/sse", sse -> {
            streams.add(sse);
            recordingHandler().stream(sse);
        });
        app.start("127.0.0.1", 0);

        try (var client = SseTestClient.open(app.uri("/sse"))) {
            client.next(WAIT);
            streams.take().close();
            assertThat(client.awaitEnd(WAIT)).isTrue();
        }

        assertThat(recordOf(9))
                .containsExactly(
                        "listener 1: Completed",
                        "open: false",
                        "send: refused (Completed)",
                        "open streams: 0",
                        "handler woke: false",
                        "listener 2: Completed",
                        "handler interrupted",
                        "later send: refused (Completed)",
                        "listener added late: Completed");
    }

    @Test
    void aTopicStreamLeavesTheCountBeforeItsTopic() {
        app = Spout.create(options -> options.heartbeat(Duration.ofMinutes(1)));
        Topic topic = app.topic("news");
        app.sse("/news", topic);
        app.start("127.0.0.1", 0);

        for (int round = 0; round < 20; round++) { // each round a new stream leaves: the order holds every time
            try (var client = SseTestClient.open(app.uri("/news"))) {
                Await.value("subscribers", topic::subscribers, 1);
                String id = topic.publish("round " + round);
                assertThat(client.next(WAIT).lastEventId()).isEqualTo(id);
            }
            Await.value("subscribers after the client left", topic::subscribers, 0);
            assertThat(app.openStreams())
                    .as("round %d: not counted once its topic no longer counts it", round)
                    .isZero();
        }
    }

    private List<String> recordOf(int entries) {
        Await.until("the close sequence to be recorded", () -> record.size() >= entries, WAIT);
        return List.copyOf(record);
    }

    private static String trySend(SseStream sse) {
        try {
            sse.send("late");
            return "went through";
        } catch (StreamClosedException closed) {
            return "refused (" + name(closed.reason()) + ")";
        }
    }

    private static String name(CloseReason reason) {
        return reason.getClass().getSimpleName();
    }
}
