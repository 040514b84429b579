package dev.spout.engine.internal.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spout.broker.MemoryBroker;
import dev.spout.engine.internal.topic.LocalTopic;
import dev.spout.engine.internal.topic.Topics;
import dev.spout.engine.stream.CloseReason;
import dev.spout.sse.SseEncoder;
import dev.spout.sse.SseEvent;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The slow-client bound, to the byte. The bound is on how far a client has fallen behind since it was least behind
 * (so one that resumes with a backlog is cut off only for falling further): a client whose write is held (it reads
 * nothing) may fall exactly {@code maxQueuedBytes} behind and stays; one byte more and it is cut off as too slow. A
 * bound off by a factor passes the tests that only wait for some cut-off; this one does not.
 */
class SlowClientBoundTest {
    static final String DATA = "x".repeat(100);
    /** One event of {@link #DATA} as the topic writes it: the memory broker's ids have 16 digits (microseconds). */
    static final int EVENT = SseEncoder.encode(SseEvent.of(DATA).withId("1".repeat(16))).length;

    static final long BOUND = 4L * EVENT;

    private final ExecutorService fanOut = Executors.newSingleThreadExecutor();
    private final MemoryBroker broker = new MemoryBroker();
    private final Topics topics = new Topics(broker, fanOut, BOUND);
    private final Streams streams = TestExchange.streams(BOUND);
    private final HeldExchange exchange = new HeldExchange();

    @AfterEach
    void stop() {
        fanOut.shutdownNow();
        broker.close();
    }

    private EventStream open() {
        assertThat(streams.tryAdmit("127.0.0.1")).isTrue();
        return Opening.register("/news", exchange, streams, "127.0.0.1", null);
    }

    @Test
    void aTopicStreamWithExactlyTheBoundWaitingStaysAndOneEventMoreIsCutOff() throws InterruptedException {
        LocalTopic news = topics.topic("news", t -> t.history(100, Duration.ofMinutes(1)));
        EventStream stream = open();
        news.subscribe(stream, null);
        stream.writePending();
        news.publish(DATA); // waits (one event: the least this client is behind), then is written and held there
        exchange.awaitWrite();

        for (int i = 0; i < 5; i++) { // five events wait: four, the bound, more than the least
            news.publish(DATA);
        }
        assertThat(news.head().bytes).hasSize(EVENT);
        stream.published(news.head()); // as the fan-out does, at once
        assertThat(stream.isOpen()).as("exactly the bound behind").isTrue();

        news.publish(DATA);
        stream.published(news.head());
        assertThat(stream.isOpen()).as("one event over the bound").isFalse();
        assertThat(stream.closeReason()).isEqualTo(new CloseReason.TooSlow(BOUND + EVENT));
    }

    @Test
    void aHandlersOwnMessagesWithExactlyTheBoundWaitingStayAndOneByteMoreIsCutOff() throws InterruptedException {
        EventStream stream = open();
        stream.writePending();
        stream.enqueue(new byte[1]); // waits (one byte: the least this client is behind), then is written and held
        exchange.awaitWrite();

        byte[] quarter = new byte[(int) (BOUND / 4)];
        for (int i = 0; i < 4; i++) {
            stream.enqueue(quarter);
        }
        stream.enqueue(new byte[1]);
        assertThat(stream.isOpen()).as("exactly the bound behind").isTrue();

        stream.enqueue(new byte[1]);
        assertThat(stream.isOpen()).as("one byte over the bound").isFalse();
        assertThat(stream.closeReason()).isEqualTo(new CloseReason.TooSlow(BOUND + 1));
    }
}
