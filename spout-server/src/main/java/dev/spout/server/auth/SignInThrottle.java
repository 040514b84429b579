package dev.spout.server.auth;

import dev.spout.engine.auth.AddressPrefix;
import dev.spout.engine.auth.ClientRequest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Slows down password guessing on a sign-in page: after {@code failures} failed attempts within the window from
 * one client address, that address must wait until the oldest of them leaves the window; so must anyone trying one
 * user name after four times as many failures for it from all addresses (a distributed guess at one account). A
 * success clears the address's count for that user. Spout does not check passwords itself; the sign-in page asks
 * the throttle first and tells it how each attempt went.
 *
 * <pre>{@code
 * SignInThrottle throttle = SignInThrottle.create();        // 5 failures per address per 15 minutes
 * ...
 * Duration wait = throttle.waitBefore(request, user);
 * if (!wait.isZero()) {
 *     return loginForm("Too many attempts: try again in " + wait.toMinutes() + " minutes");
 * }
 * if (accounts.check(user, password)) {
 *     throttle.succeeded(request, user);
 *     request.signIn(user);
 * } else {
 *     throttle.failed(request, user);
 * }
 * }</pre>
 *
 * <p>An IPv6 client counts by its /64 (one host holds a whole /64, so each of its addresses is not another client);
 * an IPv4 client by its address. Memory is bounded: at most 100,000 clients and names are tracked, and past that
 * the one used least recently is forgotten, in constant time (a client that tried long ago gets a fresh count; a
 * name tried from many clients is still throttled by its own count).
 */
public final class SignInThrottle {
    private static final int MAX_KEYS = 100_000;

    private final int failures;
    private final long windowNanos;
    private final Map<String, Failures> byKey = new LinkedHashMap<>(1024, 0.75f, true) { // least recently used first
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
                    return size() > MAX_KEYS;
                }
            };

    private SignInThrottle(int failures, Duration window) {
        if (failures < 1) {
            throw new IllegalArgumentException("At least one failure must be allowed, got " + failures);
        }
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("The window must be positive, got " + window);
        }
        this.failures = failures;
        this.windowNanos = window.toNanos();
    }

    /** 5 failed attempts per client address within 15 minutes (20 per user name). */
    public static SignInThrottle create() {
        return of(5, Duration.ofMinutes(15));
    }

    /** {@code failures} failed attempts per client address within the window ({@code 4 * failures} per name). */
    public static SignInThrottle of(int failures, Duration window) {
        return new SignInThrottle(failures, window);
    }

    /** How long this client must wait before trying this user name again: {@link Duration#ZERO} if it may now. */
    public Duration waitBefore(ClientRequest request, String user) {
        return waitBefore(request.remoteAddress(), user);
    }

    /** An attempt failed (unknown user or wrong password). */
    public void failed(ClientRequest request, String user) {
        failed(request.remoteAddress(), user);
    }

    /** An attempt succeeded: the address's failures are forgiven. */
    public void succeeded(ClientRequest request, String user) {
        Objects.requireNonNull(user, "user");
        synchronized (byKey) {
            byKey.remove(addressKey(request.remoteAddress()));
        }
    }

    Duration waitBefore(String address, String user) {
        long now = System.nanoTime();
        long wait =
                Math.max(waitNanos(addressKey(address), failures, now), waitNanos(userKey(user), 4 * failures, now));
        return Duration.ofNanos(wait);
    }

    void failed(String address, String user) {
        long now = System.nanoTime();
        record(addressKey(address), failures, now);
        record(userKey(user), 4 * failures, now);
    }

    /** How many clients and names are tracked now. */
    int tracked() {
        synchronized (byKey) {
            return byKey.size();
        }
    }

    private long waitNanos(String key, int allowed, long now) {
        Failures recent;
        synchronized (byKey) {
            recent = byKey.get(key);
        }
        return recent == null ? 0 : recent.waitNanos(allowed, windowNanos, now);
    }

    private void record(String key, int allowed, long now) {
        Failures recent;
        synchronized (byKey) {
            recent = byKey.computeIfAbsent(key, k -> new Failures(allowed));
        }
        recent.add(now);
    }

    private static String addressKey(String address) {
        return "address " + AddressPrefix.of(address);
    }

    private static String userKey(String user) {
        return "user " + Objects.requireNonNull(user, "user").toLowerCase(Locale.ROOT);
    }

    /** The times of the last failures of one key, newest last: a ring as long as the failures allowed. */
    private static final class Failures {
        private final long[] times;
        private int count;
        private int next;

        Failures(int allowed) {
            times = new long[allowed];
        }

        synchronized void add(long now) {
            times[next] = now;
            next = (next + 1) % times.length;
            count = Math.min(count + 1, times.length);
        }

        /** Zero while fewer than {@code allowed} failures lie in the window; else until the oldest leaves it. */
        synchronized long waitNanos(int allowed, long window, long now) {
            if (count < Math.min(allowed, times.length)) {
                return 0;
            }
            long oldest = times[(next - Math.min(allowed, times.length) + times.length) % times.length];
            return Math.max(0, oldest + window - now);
        }
    }
}
