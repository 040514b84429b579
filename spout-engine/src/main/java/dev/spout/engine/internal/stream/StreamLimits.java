package dev.spout.engine.internal.stream;

import dev.spout.engine.auth.AddressPrefix;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts open streams, in all and per client (an IPv4 address, an IPv6 /64), against the configured maximums. */
final class StreamLimits {
    private final int max;
    private final int maxPerAddress;
    private final AtomicInteger open = new AtomicInteger();
    private final ConcurrentHashMap<String, AtomicInteger> perAddress = new ConcurrentHashMap<>();

    StreamLimits(int max, int maxPerAddress) {
        this.max = max;
        this.maxPerAddress = maxPerAddress;
    }

    /** Takes a slot for a stream from the address; false if a limit is reached. */
    boolean tryAcquire(String address) {
        if (open.incrementAndGet() > max) {
            open.decrementAndGet();
            return false;
        }
        if (maxPerAddress == Integer.MAX_VALUE) {
            return true;
        }
        boolean[] acquired = new boolean[1];
        perAddress.compute(AddressPrefix.of(address), (key, count) -> {
            var counter = count == null ? new AtomicInteger() : count;
            acquired[0] = counter.get() < maxPerAddress;
            if (acquired[0]) {
                counter.incrementAndGet();
            }
            return counter.get() == 0 ? null : counter;
        });
        if (!acquired[0]) {
            open.decrementAndGet();
        }
        return acquired[0];
    }

    void release(String address) {
        open.decrementAndGet();
        if (maxPerAddress != Integer.MAX_VALUE) {
            perAddress.computeIfPresent(
                    AddressPrefix.of(address), (key, count) -> count.decrementAndGet() == 0 ? null : count);
        }
    }
}
