package dev.spout.client;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * How long to wait before reconnecting. The first attempt after a drop waits the reconnection time (the server's
 * {@code retry}, or the source's default), but never less than a floor (100 ms unless set), so a server that says
 * {@code retry: 0} cannot make clients reconnect in a tight loop; each further attempt in a row doubles it, up to a
 * cap; jitter spreads the reconnections of many clients apart; and a connection that stayed open for a healthy
 * period starts the count over.
 *
 * <pre>{@code
 * Backoff backoff = Backoff.exponential()            // x2, capped at 30 s, jitter 0.5, reset after 60 s
 *         .withMax(Duration.ofMinutes(2))
 *         .withResetAfter(Duration.ofMinutes(5));
 * }</pre>
 */
public final class Backoff {
    private static final Duration DEFAULT_MIN = Duration.ofMillis(100);

    private final boolean growth;
    private final Duration min;
    private final Duration max;
    private final double jitter;
    private final Duration resetAfter;

    private Backoff(boolean growth, Duration min, Duration max, double jitter, Duration resetAfter) {
        this.growth = growth;
        this.min = Objects.requireNonNull(min, "min");
        this.max = Objects.requireNonNull(max, "max");
        this.jitter = jitter;
        this.resetAfter = Objects.requireNonNull(resetAfter, "resetAfter");
    }

    /** Doubling delays from at least 100 ms, capped at 30 seconds, with jitter 0.5, reset after 60 healthy seconds. */
    public static Backoff exponential() {
        return new Backoff(true, DEFAULT_MIN, Duration.ofSeconds(30), 0.5, Duration.ofSeconds(60));
    }

    /**
     * Always the reconnection time, without growth or jitter, as the standard describes; but at least 100 ms
     * (see {@link #withMin}).
     */
    public static Backoff none() {
        return new Backoff(false, DEFAULT_MIN, Duration.ofDays(365), 0, Duration.ZERO);
    }

    /**
     * The shortest first wait, whatever the server's {@code retry} says (default 100 ms); growth starts from it.
     * Zero lets a server make its clients reconnect without pause: only for tests.
     */
    public Backoff withMin(Duration min) {
        if (min.isNegative()) {
            throw new IllegalArgumentException("The shortest wait must not be negative, got " + min);
        }
        return new Backoff(growth, min, max, jitter, resetAfter);
    }

    /** The longest wait. */
    public Backoff withMax(Duration max) {
        return new Backoff(growth, min, max, jitter, resetAfter);
    }

    /** The share of each delay that is random: 0.5 waits between half and all of the delay; 0 waits exactly. */
    public Backoff withJitter(double jitter) {
        if (jitter < 0 || jitter > 1) {
            throw new IllegalArgumentException("Jitter must be between 0 and 1, got " + jitter);
        }
        return new Backoff(growth, min, max, jitter, resetAfter);
    }

    /** How long a connection must have stayed open for the next drop to count as the first again. */
    public Backoff withResetAfter(Duration healthy) {
        return new Backoff(growth, min, max, jitter, healthy);
    }

    Duration resetAfter() {
        return resetAfter;
    }

    /** The wait before attempt {@code attempt} (1 for the first reconnection in a row). */
    Duration delay(Duration reconnectionTime, int attempt, RandomGenerator random) {
        long millis = Math.max(reconnectionTime.toMillis(), min.toMillis());
        if (growth) {
            int doublings = Math.min(Math.max(0, attempt - 1), 30);
            millis = millis > Long.MAX_VALUE >> doublings ? Long.MAX_VALUE : millis << doublings;
        }
        millis = Math.min(millis, max.toMillis());
        if (jitter > 0 && millis > 0) {
            millis -= (long) (millis * jitter * random.nextDouble());
        }
        return Duration.ofMillis(millis);
    }
}
