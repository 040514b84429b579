package dev.spout.testkit;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Bounded waits on the very condition a test asserts, never a fixed sleep: the condition is checked every few
 * milliseconds until it holds, and a wait that runs out fails with {@link AssertionError} naming what was awaited and
 * the last value seen. The polling itself is Awaitility's.
 *
 * <pre>{@code
 * stream.close();
 * Await.value("open streams", app::openStreams, 0);                 // within Await.DEFAULT (5 s)
 * Await.until("the job finished", job::isDone, Duration.ofSeconds(10));
 * }</pre>
 */
public final class Await {
    /** How long a wait lasts unless a test says otherwise: long enough for a loaded CI machine. */
    public static final Duration DEFAULT = Duration.ofSeconds(5);

    private static final Duration POLL = Duration.ofMillis(5);

    private Await() {}

    /** Waits until the condition holds, for at most {@link #DEFAULT}. */
    public static void until(String what, BooleanSupplier condition) {
        until(what, condition, DEFAULT);
    }

    /** Waits until the condition holds, for at most the timeout. */
    public static void until(String what, BooleanSupplier condition, Duration timeout) {
        until(what, condition::getAsBoolean, Boolean.TRUE::equals, timeout);
    }

    /** Waits until the value equals the expected one, for at most {@link #DEFAULT}. */
    public static <T> void value(String what, Supplier<T> actual, T expected) {
        value(what, actual, expected, DEFAULT);
    }

    /** Waits until the value equals the expected one, for at most the timeout. */
    public static <T> void value(String what, Supplier<T> actual, T expected, Duration timeout) {
        until(what + " to be " + expected, actual, value -> Objects.equals(value, expected), timeout);
    }

    /**
     * Waits until the value satisfies the predicate, for at most the timeout, and returns the value that did.
     *
     * @throws AssertionError if it does not within the timeout, with the last value seen
     */
    public static <T> T until(String what, Supplier<T> value, Predicate<? super T> done, Duration timeout) {
        Objects.requireNonNull(what, "what");
        var last = new AtomicReference<T>();
        try {
            Awaitility.await(what)
                    .atMost(timeout)
                    .pollDelay(Duration.ZERO)
                    .pollInterval(POLL)
                    .pollInSameThread()
                    .until(() -> {
                        T seen = value.get();
                        last.set(seen);
                        return done.test(seen);
                    });
            return last.get();
        } catch (ConditionTimeoutException timedOut) {
            throw new AssertionError(
                    "Waited " + timeout + " for " + what + "; the last value seen was " + last.get(), timedOut);
        }
    }
}
