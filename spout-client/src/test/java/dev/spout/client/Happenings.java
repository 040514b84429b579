package dev.spout.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Collects what a pulled source reports until it ends, for tests. */
final class Happenings {
    private Happenings() {}

    /** Everything until the final Closed or Failed (included), failing if it takes longer than the timeout. */
    static List<StreamEvent> untilEnd(EventSource source, Duration timeout) throws InterruptedException {
        List<StreamEvent> all = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            StreamEvent next = source.nextEvent(Duration.ofNanos(Math.max(1, left)))
                    .orElseThrow(() -> new AssertionError("The source did not end within " + timeout + "; saw " + all));
            all.add(next);
            if (next instanceof StreamEvent.Closed || next instanceof StreamEvent.Failed) {
                return all;
            }
        }
    }

    /** The next happening of the given kind, skipping others, within the timeout. */
    static <T extends StreamEvent> T next(EventSource source, Class<T> kind, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<StreamEvent> skipped = new ArrayList<>();
        while (true) {
            long left = deadline - System.nanoTime();
            StreamEvent next = source.nextEvent(Duration.ofNanos(Math.max(1, left)))
                    .orElseThrow(() -> new AssertionError(
                            "No " + kind.getSimpleName() + " within " + timeout + "; saw " + skipped));
            if (kind.isInstance(next)) {
                return kind.cast(next);
            }
            skipped.add(next);
        }
    }
}
