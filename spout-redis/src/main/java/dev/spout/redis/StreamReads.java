package dev.spout.redis;

import dev.spout.broker.StoredEvent;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * The reads of one topic's Redis stream, on the broker's connection for reads, without blocking: the latest entries
 * (for a topic new to the node), a batch after an id (a catch-up), and a page of what a resuming client missed. Each
 * may throw Lettuce's {@code RedisException} at once (not connected, too many commands waiting).
 *
 * <pre>{@code
 * reads.after(lastId, 1000).thenAccept(batch -> ...); // batch.entries(), and whether the stream still has lastId
 * }</pre>
 */
final class StreamReads {
    private final RedisBroker broker;
    private final String key;
    private final String name;

    StreamReads(RedisBroker broker, String key, String name) {
        this.broker = broker;
        this.key = key;
        this.name = name;
    }

    /**
     * Entries of a catch-up, oldest first, and the id of the newest entry the stream had at or before the id the
     * catch-up started from, read just before them (null if none, or not asked): the id itself while the stream
     * still has it; an older one if the stream lost it (a failover); null if Redis trimmed past it, or the stream is
     * gone.
     */
    record Batch(
            List<StreamMessage<String, String>> entries,
            @Nullable String atOrBefore) {}

    /** The latest {@code count} entries, oldest first. */
    CompletableFuture<Batch> latest(int count) {
        return broker.reads()
                .xrevrange(key, Range.create("-", "+"), Limit.from(count))
                .toCompletableFuture()
                .thenApply(newestFirst -> new Batch(reversed(newestFirst), null));
    }

    /**
     * Up to {@code limit} entries after {@code from}, with the newest entry at or before it (asked first,
     * pipelined): whether the stream still has {@code from}, and so goes on from where the node is.
     */
    CompletableFuture<Batch> after(String from, int limit) {
        var async = broker.reads();
        var atOrBefore =
                async.xrevrange(key, Range.create("-", from), Limit.from(1)).toCompletableFuture();
        var batch = async.xrange(
                        key, Range.from(Range.Boundary.excluding(from), Range.Boundary.unbounded()), Limit.from(limit))
                .toCompletableFuture();
        return batch.thenCombine(
                atOrBefore,
                (entries, newest) -> new Batch(
                        entries, newest.isEmpty() ? null : newest.getFirst().getId()));
    }

    /** The ids of the entries from {@code first} to {@code last}, both included, at most {@code limit}, in order. */
    CompletableFuture<List<String>> ids(String first, String last, int limit) {
        return broker.reads()
                .xrange(key, Range.create(first, last), Limit.from(limit))
                .toCompletableFuture()
                .thenApply(entries -> entries.stream().map(StreamMessage::getId).toList());
    }

    /**
     * One page of what a resuming client missed, or empty if Redis no longer has everything after {@code afterId}:
     * the range first, then what shows that the stream still goes on from {@code afterId} (that it still has that
     * entry, or for the topic's beginning that nothing was ever removed), pipelined in that order. Trimming only
     * removes the oldest entries, so a check made after the range holds for it. An id the stream does not have was
     * trimmed, or lost in a failover to a replica that had not received it (and the new master's entries after the
     * replica's last may have lower ids than it, so "after it" would skip them): either way the topic's gap policy
     * decides, never a silent skip.
     */
    CompletableFuture<Optional<List<StoredEvent>>> page(String afterId, String upToId, int limit) {
        if (!StreamEntryIds.isStreamId(upToId)
                || !(afterId.isEmpty() || StreamEntryIds.isStreamId(afterId))
                || limit < 1) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        var async = broker.reads();
        Range.Boundary<String> lower =
                afterId.isEmpty() ? Range.Boundary.unbounded() : Range.Boundary.excluding(afterId);
        CompletableFuture<List<StreamMessage<String, String>>> range = async.xrange(
                        key, Range.from(lower, Range.Boundary.including(upToId)), Limit.from(limit))
                .toCompletableFuture();
        CompletableFuture<Boolean> complete = afterId.isEmpty()
                ? async.xinfoStream(key)
                        .toCompletableFuture()
                        .thenApply(StreamReads::nothingRemoved)
                        .exceptionally(noSuchStream -> false) // expired: what it had is gone
                : async.xrange(key, Range.create(afterId, afterId), Limit.from(1))
                        .toCompletableFuture()
                        .thenApply(itself -> !itself.isEmpty());
        return range.thenCombine(complete, (entries, nothingTrimmed) -> {
            if (!nothingTrimmed) {
                return Optional.<List<StoredEvent>>empty(); // Redis no longer has everything after afterId
            }
            List<StoredEvent> events = new ArrayList<>(entries.size());
            for (StreamMessage<String, String> entry : entries) {
                events.add(RedisEvents.fromEntry(entry, name));
            }
            return Optional.of(events);
        });
    }

    /** From XINFO STREAM: whether the stream still has every entry ever added to it (Redis 7). */
    private static boolean nothingRemoved(List<Object> info) {
        Object added = null;
        Object length = null;
        for (int i = 0; i + 1 < info.size(); i += 2) {
            if ("entries-added".equals(info.get(i))) {
                added = info.get(i + 1);
            } else if ("length".equals(info.get(i))) {
                length = info.get(i + 1);
            }
        }
        return added != null && added.equals(length);
    }

    private static <T> List<T> reversed(List<T> newestFirst) {
        List<T> out = new ArrayList<>(newestFirst);
        Collections.reverse(out);
        return out;
    }
}
