package dev.spout.engine.internal.topic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A big topic's fan-out pass: every subscriber told exactly once, whether pool threads help or never come. */
class ShardedPassTest {

    @Test
    @Timeout(10)
    void poolThreadsHelpAndEverySubscriberIsToldOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            for (int length : new int[] {512, 1000, 1001, 4096}) {
                var told = new AtomicIntegerArray(length);
                ShardedPass.run(length, 4, pool, (from, to) -> {
                    for (int i = from; i < to; i++) {
                        told.incrementAndGet(i);
                    }
                });
                assertEveryOnce(told);
            }
        } finally {
            pool.shutdownNow();
            assertThat(pool.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    @Timeout(10)
    void aPoolWithNoFreeThreadDoesNotHoldThePassUp() {
        List<Runnable> neverRun = new ArrayList<>(); // every pool thread busy: the helpers wait in the queue
        Executor busy = neverRun::add;
        var told = new AtomicIntegerArray(1000);
        ShardedPass.run(1000, 4, busy, (from, to) -> {
            for (int i = from; i < to; i++) {
                told.incrementAndGet(i);
            }
        });
        assertEveryOnce(told);
        assertThat(neverRun).hasSize(3);
        neverRun.forEach(Runnable::run); // helpers that start late find nothing left to claim
        assertEveryOnce(told);
    }

    @Test
    @Timeout(10)
    void aStoppingPoolLeavesTheWholePassToTheCaller() {
        Executor stopping = task -> {
            throw new RejectedExecutionException("stopping");
        };
        var told = new AtomicIntegerArray(700);
        ShardedPass.run(700, 2, stopping, (from, to) -> {
            for (int i = from; i < to; i++) {
                told.incrementAndGet(i);
            }
        });
        assertEveryOnce(told);
    }

    private static void assertEveryOnce(AtomicIntegerArray told) {
        for (int i = 0; i < told.length(); i++) {
            assertThat(told.get(i)).as("subscriber %d", i).isEqualTo(1);
        }
    }
}
