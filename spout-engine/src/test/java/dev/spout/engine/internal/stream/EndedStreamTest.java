package dev.spout.engine.internal.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spout.broker.MemoryBroker;
import dev.spout.engine.host.StreamExchange;
import dev.spout.engine.internal.topic.Entry;
import dev.spout.engine.internal.topic.LocalTopic;
import dev.spout.engine.internal.topic.Topics;
import dev.spout.engine.stream.CloseReason;
import dev.spout.testkit.Await;
import java.lang.ref.Reference;
import java.lang.ref.WeakReference;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A stream that has ended keeps none of its topics' events, even while its host still holds it: a Servlet container
 * keeps the request of a stream cut off as too slow (and so the stream, its exchange's listener) until its own write
 * timeout, and every event a busy topic publishes meanwhile would otherwise stay in memory behind the stream's place.
 */
class EndedStreamTest {
    private final ExecutorService fanOut = Executors.newSingleThreadExecutor();
    private final MemoryBroker broker = new MemoryBroker();
    private final Topics topics = new Topics(broker, fanOut, 1 << 20);
    private final Streams streams = TestExchange.streams();

    @AfterEach
    void stop() {
        fanOut.shutdownNow();
        broker.close();
    }

    @Test
    void aStreamCutOffWhileItsWriteIsHeldKeepsNothingPublishedAfter() throws InterruptedException {
        LocalTopic news = topic("news");
        var exchange = new HeldExchange();
        EventStream stream = followingWithAWriteHeld(news, exchange);

        stream.closeWith(new CloseReason.TooSlow(2 << 20));

        assertNothingPublishedAfterIsKept(news);
        Reference.reachabilityFence(stream);
    }

    @Test
    void aStreamOfSeveralTopicsCutOffWhileItsWriteIsHeldKeepsNothingPublishedAfter() throws InterruptedException {
        LocalTopic news = topic("news");
        LocalTopic sport = topic("sport");
        var exchange = new HeldExchange();
        EventStream stream = open(exchange);
        JoinTopics.join(stream, List.of(news, sport), true, null);
        news.publish("one");
        exchange.awaitWrite();

        stream.closeWith(new CloseReason.ClientGone(new IllegalStateException("reset by peer")));

        assertNothingPublishedAfterIsKept(news);
        assertNothingPublishedAfterIsKept(sport);
        Reference.reachabilityFence(stream);
    }

    @Test
    void aStreamEndedCleanlyKeepsNothingOnceWhatWasQueuedIsWritten() throws InterruptedException {
        LocalTopic news = topic("news");
        var exchange = new HeldExchange();
        EventStream stream = followingWithAWriteHeld(news, exchange);
        stream.enqueue("data: bye\n\n".getBytes()); // queued behind the held write: a clean end writes it first

        stream.closeWith(new CloseReason.Completed());
        exchange.release(); // "one" goes out, then "bye", then the stream ends
        exchange.release();

        assertThat(exchange.ended()).isEqualTo(new CloseReason.Completed());
        assertNothingPublishedAfterIsKept(news);
        Reference.reachabilityFence(stream);
    }

    /** A topic without history: once its head moves on, only a stream's place can keep an event. */
    private LocalTopic topic(String name) {
        return topics.topic(name, t -> t.history(0, Duration.ofMinutes(1)));
    }

    /** A stream that follows the topic and has the write of its first event held: a client that stopped reading. */
    private EventStream followingWithAWriteHeld(LocalTopic topic, HeldExchange exchange) throws InterruptedException {
        EventStream stream = open(exchange);
        topic.subscribe(stream, null);
        stream.writePending();
        topic.publish("one");
        exchange.awaitWrite();
        return stream;
    }

    private EventStream open(StreamExchange exchange) {
        assertThat(streams.tryAdmit("127.0.0.1")).isTrue();
        return Opening.register("/news", exchange, streams, "127.0.0.1", null);
    }

    /** Publishes an event and more after it, and waits for the first of them to be garbage. */
    private static void assertNothingPublishedAfterIsKept(LocalTopic topic) {
        topic.publish("after");
        var after = new WeakReference<Entry>(topic.head());
        assertThat(new String(after.get().bytes, StandardCharsets.UTF_8)).contains("data: after");
        topic.publish("later");
        topic.publish("latest"); // the topic's head has moved on: only a stream's place could still lead to "after"
        Await.until("an event of " + topic.name() + " published after the stream ended to be collected", () -> {
            System.gc(); // a weak reference clears at the first collection that finds its referent unreachable
            return after.get() == null;
        });
    }
}
