package dev.spout.broker;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One topic's idempotency keys in the memory broker: each key and the id its publish got, for a window, and at most
 * a bounded number of them, the oldest forgotten first. Keys are added in the order they were published and all live
 * for the same window, so the oldest is always first: forgetting the expired ones looks at the head only. Guarded
 * by the topic's lock; made on the topic's first publish with a key, so topics without keys hold nothing.
 *
 * <pre>{@code
 * var keys = new KeyWindow(Duration.ofMinutes(10).toNanos(), 10_000);
 * if (keys.find("order-42", System.nanoTime()) == null) {
 *     keys.remember("order-42", id, System.nanoTime());
 * }
 * }</pre>
 */
final class KeyWindow {
    private record Published(String id, long untilNanos) {}

    private final long windowNanos;
    private final int most;
    private final LinkedHashMap<String, Published> byKey = new LinkedHashMap<>();

    KeyWindow(long windowNanos, int most) {
        this.windowNanos = windowNanos;
        this.most = most;
    }

    /** The id published with this key within the window, or null. */
    @Nullable
    String find(String key, long nowNanos) {
        forgetExpired(nowNanos);
        Published published = byKey.get(key);
        return published == null ? null : published.id();
    }

    /** Remembers a key just published (not found by {@link #find} a moment ago), forgetting the oldest past the bound. */
    void remember(String key, String id, long nowNanos) {
        byKey.put(key, new Published(id, nowNanos + windowNanos));
        Iterator<Map.Entry<String, Published>> oldest = byKey.entrySet().iterator();
        for (int over = byKey.size() - most; over > 0; over--) {
            oldest.next();
            oldest.remove();
        }
    }

    private void forgetExpired(long nowNanos) {
        Iterator<Published> oldest = byKey.values().iterator();
        while (oldest.hasNext() && oldest.next().untilNanos() - nowNanos <= 0) {
            oldest.remove();
        }
    }
}
