package dev.spout.engine.internal.topic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spout.broker.MemoryBroker;
import dev.spout.engine.auth.ClientRequest;
import dev.spout.sse.SseEvent;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Reclaiming topics on demand races with publishing and subscribing on purpose: an expiry pass runs without pause
 * while topics are looked up, subscribed to and published to through handles that may have been reclaimed.
 */
class TopicReclaimTest {
    private final ExecutorService fanOut = Executors.newFixedThreadPool(2);
    private final Topics topics = new Topics(new MemoryBroker(), fanOut, 1 << 20);

    @AfterEach
    void stop() throws InterruptedException {
        topics.close();
        fanOut.shutdown();
        fanOut.awaitTermination(5, TimeUnit.SECONDS);
    }

    /** Records the entries a topic tells it about, after the position it started from. */
    static final class Recorder implements Subscriber {
        volatile LocalTopic followed;
        volatile Entry position;
        final AtomicLong events = new AtomicLong();

        @Override
        public synchronized boolean follow(LocalTopic topic, Entry position, List<byte[]> first) {
            this.followed = topic;
            this.position = position;
            return true;
        }

        @Override
        public synchronized void published(Entry head) {
            for (Entry e = position; e != head; ) {
                e = e.next;
                events.incrementAndGet();
                position = e;
            }
        }

        @Override
        public void failed(RuntimeException cause) {
            throw cause;
        }

        @Override
        public ClientRequest request() {
            return null;
        }
    }

    @Test
    @Timeout(60)
    void nothingSubscribedOrPublishedIsLostWhileTopicsAreReclaimedWithoutPause() throws Exception {
        topics.pattern("tmp/*", t -> t.history(10, Duration.ofMillis(1)));
        var running = new AtomicBoolean(true);
        var clock = new AtomicLong(System.currentTimeMillis());
        Thread reclaimer = Thread.ofPlatform().start(() -> {
            while (running.get()) {
                topics.expire(clock.addAndGet(10_000)); // every call a full pass, and every history expired
            }
        });
        try {
            LocalTopic stale = topics.topic("tmp/stale", null);
            int rounds = 3000;
            for (int i = 0; i < rounds; i++) {
                LocalTopic handle = i % 2 == 0 ? topics.topic("tmp/" + (i % 7), null) : stale;
                var recorder = new Recorder();
                handle.subscribe(recorder, null);
                assertThat(recorder.followed.retired())
                        .as("followed a live topic")
                        .isFalse();
                handle.publish(SseEvent.of("round " + i));
                long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
                while (recorder.events.get() < 1 && System.nanoTime() < deadline) {
                    Thread.onSpinWait();
                }
                assertThat(recorder.events.get()).as("round %d delivered", i).isEqualTo(1);
                assertThat(handle.subscribers())
                        .as("the handle counts the topic it went to")
                        .isEqualTo(1);
                recorder.followed.unsubscribe(recorder);
                if (i % 10 == 0) { // now and then the next round finds its handle reclaimed
                    LocalTopic left = recorder.followed;
                    long until = System.nanoTime() + 5_000_000_000L;
                    while (!left.retired() && System.nanoTime() < until) {
                        Thread.onSpinWait();
                    }
                    assertThat(left.retired())
                            .as("round %d reclaimed in time", i)
                            .isTrue();
                }
            }
        } finally {
            running.set(false);
            reclaimer.join();
        }
        assertThat(topics.reclaimed())
                .as("topics were reclaimed between and during rounds")
                .isGreaterThanOrEqualTo(300);
        topics.expire(clock.addAndGet(10_000));
        assertThat(topics.size())
                .as("every topic on demand reclaimed once abandoned")
                .isZero();
    }

    @Test
    @Timeout(60)
    void anEventPublishedWhileItsTopicIsReclaimedLandsInTheTopicOfItsNameNow() throws Exception {
        topics.pattern("tmp/*", t -> t.history(10, Duration.ofDays(1000)));
        var running = new AtomicBoolean(true);
        Thread reclaimer = Thread.ofPlatform().start(() -> {
            long now = System.currentTimeMillis();
            while (running.get()) {
                now += 1000;
                topics.expire(now);
            }
        });
        var random = new java.util.Random(7);
        try {
            for (int i = 0; i < 3000; i++) {
                LocalTopic handle = topics.topic("tmp/" + i, null); // empty: the reclaimer may take it any moment
                // Every other round publishes once the topic is reclaimed; the others at a random moment: before,
                // while or after the reclaimer takes it.
                long until = System.nanoTime() + (i % 2 == 0 ? 5_000_000_000L : random.nextInt(200_000));
                while (!handle.retired() && System.nanoTime() < until) {
                    Thread.onSpinWait();
                }
                assertThat(handle.retired() || i % 2 == 1)
                        .as("round %d reclaimed in time", i)
                        .isTrue();
                String id = handle.publish(SseEvent.of("event " + i));
                LocalTopic now = topics.own(handle);
                synchronized (now.lock) {
                    assertThat(now.history.find(id)).as("event %d kept", i).isNotNull();
                }
            }
        } finally {
            running.set(false);
            reclaimer.join();
        }
        assertThat(topics.reclaimed()).as("the race was run").isGreaterThanOrEqualTo(1500);
    }

    @Test
    void onlyTopicsOfAPatternAreReclaimedAndOnlyOnceEmptyAndUnwatched() {
        topics.pattern("user/*", t -> t.history(2, Duration.ofMinutes(1)));
        LocalTopic fixed = topics.topic("news", null);
        LocalTopic mine = topics.topic("user/ann", null);
        LocalTopic watched = topics.topic("user/bob", null);
        var recorder = new Recorder();
        watched.subscribe(recorder, null);
        mine.publish(SseEvent.of("hello"));
        assertThat(mine.settings().historyCount()).as("the pattern's options").isEqualTo(2);
        assertThat(fixed.settings().historyCount()).as("the defaults").isEqualTo(1024);

        long now = System.currentTimeMillis();
        topics.expire(now);
        assertThat(topics.all()).containsExactlyInAnyOrder(fixed, mine, watched);
        topics.expire(now + Duration.ofMinutes(2).toMillis()); // mine's history expires
        assertThat(topics.all()).containsExactlyInAnyOrder(fixed, watched);
        watched.unsubscribe(recorder);
        topics.expire(now + Duration.ofMinutes(4).toMillis());
        assertThat(topics.all()).containsExactly(fixed);
        assertThat(topics.own(mine))
                .as("a reclaimed handle leads to the topic of its name now")
                .isNotSameAs(mine);
    }
}
