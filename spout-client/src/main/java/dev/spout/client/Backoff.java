package dev.spout.client;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * How long to wait before reconnecting. The first attempt after a drop waits the reconnection time (the server's
 * {@code retry}, or the source's default); each further attempt in a row doubles it, up to a cap; jitter spreads the
 * reconnections of many clients apart; and a connection that stayed open for a healthy period starts the count over.
 *
 * <pre>{@code
 * Backoff backoff = Backoff.exponential()            // x2, capped at 30 s, jitter 0.5, reset after 60 s
 *         .withMax(Duration.ofMinutes(2))
 *         .withResetAfter(Duration.ofMinutes(5));
 * }</pre>
 */
public final class Backoff {
    private final boolean growth;
    private final Duration max;
    private final double jitter;
    private final Duration resetAfter;

    private Backoff(boolean growth, Duration max, double jitter, Duration resetAfter) {
        this.growth = growth;
        this.max = Objects.requireNonNull(max, "max");
        this.jitter = jitter;
        this.resetAfter = Objects.requireNonNull(resetAfter, "resetAfter");
    }

    /** Doubling delays, capped at 30 seconds, with jitter 0.5, reset after 60 healthy seconds. */
    public static Backoff exponential() {
        return new Backoff(true, Duration.ofSeconds(30), 0.5, Duration.ofSeconds(60));
    }

    /** Always exactly the reconnection time, without growth or jitter: what the standard describes. */
    public static Backoff none() {
        return new Backoff(false, Duration.ofDays(365), 0, Duration.ZERO);
    }

    /** The longest wait. */
    public Backoff withMax(Duration max) {
        return new Backoff(growth, max, jitter, resetAfter);
    }

    /** The share of each delay that is random: 0.5 waits between half and all of the delay; 0 waits exactly. */
    public Backoff withJitter(double jitter) {
        if (jitter < 0 || jitter > 1) {
            throw new IllegalArgumentException("Jitter must be between 0 and 1, got " + jitter);
        }
        return new Backoff(growth, max, jitter, resetAfter);
    }

    /** How long a connection must have stayed open for the next drop to count as the first again. */
    public Backoff withResetAfter(Duration healthy) {
        return new Backoff(growth, max, jitter, healthy);
    }

    Duration resetAfter() {
        return resetAfter;
    }

    /** The wait before attempt {@code attempt} (1 for the first reconnection in a row). */
    Duration delay(Duration reconnectionTime, int attempt, RandomGenerator random) {
        long millis = reconnectionTime.toMillis();
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
