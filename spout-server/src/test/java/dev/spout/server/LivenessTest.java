package dev.spout.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spout.engine.stream.CloseReason;
import dev.spout.engine.topic.Topic;
import dev.spout.testkit.Await;
import dev.spout.testkit.SseTestClient;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Heartbeats, idle streams that stay open, and clients that die. */
class LivenessTest {
    static final Duration WAIT = Duration.ofSeconds(10);

    Spout app;

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void idleStreamsGetHeartbeatComments() throws Exception {
        app = Spout.create(options -> options.heartbeat(Duration.ofMillis(200)));
        Topic topic = app.topic("quiet");
        app.sse("/quiet", topic).sse("/handler", sse -> Thread.sleep(Duration.ofMinutes(1)));
        app.start("127.0.0.1", 0);

        try (var topicClient = SseTestClient.open(app.uri("/quiet"));
                var handlerClient = SseTestClient.open(app.uri("/handler"))) {
            awaitComments(topicClient, 3);
            awaitComments(handlerClient, 3);
            assertThat(topicClient.comments()).allMatch(String::isEmpty);
        }
        assertThat(app.stats().heartbeats()).isGreaterThanOrEqualTo(6);
    }

    /**
     * Heartbeats come at the configured spacing: each when the stream has been idle for the interval, found by a
     * timer that ticks at a quarter of it. An interval twice too long (or half) is outside the window.
     */
    @Test
    void heartbeatsComeAtTheConfiguredSpacing() throws Exception {
        Duration interval = Duration.ofMillis(500);
        app = Spout.create(options -> options.heartbeat(interval));
        Topic topic = app.topic("quiet");
        app.sse("/quiet", topic);
        app.start("127.0.0.1", 0);

        try (var client = SseTestClient.open(app.uri("/quiet"))) {
            Await.until("five heartbeats", () -> client.comments().size() >= 5, WAIT);
            assertThat(client.commentGaps())
                    .as("within the interval and a tick (125 ms) of each other, with room for a busy machine")
                    .allSatisfy(gap -> assertThat(gap).isBetween(Duration.ofMillis(450), Duration.ofMillis(850)));
        }
    }

    @Test
    void anIdleHealthyStreamOutlivesJettysIdleTimeout() throws Exception {
        app = Spout.create(
                options -> options.writeTimeout(Duration.ofMillis(300)).heartbeat(Duration.ZERO));
        Topic topic = app.topic("rare");
        app.sse("/rare", topic);
        app.start("127.0.0.1", 0);

        try (var client = SseTestClient.open(app.uri("/rare"))) {
            long idleUntil = System.nanoTime() + Duration.ofMillis(1500).toNanos();
            while (System.nanoTime() < idleUntil) {
                assertThat(topic.subscribers())
                        .as("still subscribed while idle")
                        .isEqualTo(1);
                Thread.sleep(100);
            }
            String id = topic.publish("finally");
            assertThat(client.next(WAIT)).isEqualTo(new SseTestClient.Event("message", "finally", id));
        }
    }

    @Test
    void aKilledClientProcessIsNoticedWellWithinTheHeartbeatInterval() throws Exception {
        app = Spout.create(options -> options.heartbeat(Duration.ofSeconds(15)));
        var gone = new CountDownLatch(1);
        var reason = new AtomicReference<CloseReason>();
        app.sse("/watched", sse -> {
            sse.onClose(r -> {
                reason.set(r);
                gone.countDown();
            });
            sse.send("hello");
            Thread.sleep(Duration.ofMinutes(1));
        });
        app.start("127.0.0.1", 0);

        Process curl = new ProcessBuilder(
                        "curl",
                        "-sN",
                        "-H",
                        "Accept: text/event-stream",
                        app.uri("/watched").toString())
                .redirectErrorStream(true)
                .start();
        try {
            byte[] first = new byte[5];
            assertThat(curl.getInputStream().readNBytes(first, 0, 5)).isEqualTo(5); // "data:" arrived: connected
            assertThat(app.openStreams()).isEqualTo(1);
            curl.destroyForcibly(); // SIGKILL: the process gets no chance to close anything itself
            assertThat(gone.await(WAIT.toMillis(), TimeUnit.MILLISECONDS))
                    .as("noticed by the read interest, long before a heartbeat 15 s away")
                    .isTrue();
            assertThat(reason.get()).isInstanceOf(CloseReason.ClientGone.class);
        } finally {
            curl.destroyForcibly().waitFor();
        }
    }

    static void awaitComments(SseTestClient client, int count) {
        Await.until("at least " + count + " comments", () -> client.comments().size() >= count);
    }
}
