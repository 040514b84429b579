package dev.spout.engine.internal.topic;

import dev.spout.broker.StoredEvent;
import dev.spout.broker.internal.log.Logs;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;

/**
 * What a resuming subscriber missed that only the broker still has, read a page at a time as the client takes it:
 * the first page when it subscribes, the next when its stream has taken the last entry of the one before (the
 * page's tail, marked with this backlog), and so on until the page that ends at the topic's head of that moment,
 * from which the topic's own entries follow. So a client that resumes from far back holds at most two pages (about
 * {@value #PAGE_BYTES} bytes each) rather than everything it missed (20,000 events of 1 KB were 20 MB in one read),
 * a client that does not read holds one until its write timeout, and no read keeps the broker's connection busy for
 * long. A page that cannot follow the one before (the broker trimmed what the client had not read yet) ends the
 * stream: its client resumes from what it has by the topic's gap policy, never with a silent skip.
 *
 * <p>Pages are linked outside the topic's lock: a backlog's entries belong to its subscriber alone. Each page's
 * {@code end}s count back from the head's, so a position in it knows how many bytes of the page and of the topic
 * still wait for the client.
 */
final class Backlog {
    private static final Logger LOG = Logs.logger(Backlog.class);
    static final int PAGE_BYTES = 256 * 1024;
    static final int FIRST_PAGE = 16;
    static final int MAX_PAGE = 1000;

    private final LocalTopic topic;
    private final @Nullable Subscriber subscriber; // null while only counting
    private final Entry headThen;
    private final AtomicReference<@Nullable Entry> requested = new AtomicReference<>();
    private long bytesRead;
    private long eventsRead;

    private Backlog(LocalTopic topic, @Nullable Subscriber subscriber, Entry headThen) {
        this.topic = topic;
        this.subscriber = subscriber;
        this.headThen = headThen;
    }

    /**
     * On the subscribing thread: the position from which the subscriber gets everything after {@code afterId} up to
     * {@code headThen} and then the topic's own entries; null if the broker no longer has all of it.
     */
    static @Nullable Entry start(LocalTopic topic, Subscriber subscriber, String afterId, Entry headThen) {
        var backlog = new Backlog(topic, subscriber, headThen);
        Optional<List<StoredEvent>> page = backlog.read(afterId, FIRST_PAGE).join();
        if (page.isEmpty()) {
            return null;
        }
        if (page.get().isEmpty()) {
            return headThen; // nothing after the id up to the head: the client has it all
        }
        Entry first = backlog.link(page.get(), FIRST_PAGE);
        if (first == null) {
            return null;
        }
        return Entry.after(afterId, first);
    }

    /**
     * The subscriber's position is {@code tail}, the last entry of a page with more after it: the next page is
     * read (once) and linked after it, and the subscriber told. Outside every lock; does not block.
     */
    void reached(Entry tail) {
        if (requested.getAndSet(tail) == tail) {
            return;
        }
        int limit = nextLimit();
        // On the topic's threads, not the broker's: linking a page, and the end of a stream that cannot go on.
        read(tail.id, limit)
                .whenCompleteAsync((page, failure) -> linkAfter(tail, limit, page, failure), topic.executor);
    }

    private void linkAfter(
            Entry tail, int limit, @Nullable Optional<List<StoredEvent>> page, @Nullable Throwable failure) {
        Entry first = failure == null && page.isPresent() && !page.get().isEmpty() ? link(page.get(), limit) : null;
        if (first == null) {
            subscriber.failed(new IllegalStateException("Topic " + topic.name() + " could not read what its client"
                    + " missed after " + tail.id + " from its broker"
                    + (failure != null ? ": " + failure : " (trimmed meanwhile)")));
            return;
        }
        long bytes = 0;
        int events = 0;
        for (Entry e = first; e != null && e != headThen; e = e.next) {
            bytes += e.bytes.length;
            events++;
        }
        topic.counters.replayed(events);
        subscriber.caughtUpMore(bytes);
        tail.next = first;
        subscriber.published(topic.head());
    }

    /**
     * On the subscribing thread: the id of the {@code total}-th event after {@code anchor}, counted a page at a time
     * (only the last id is kept), if the broker holds that many up to the head; empty if it does not.
     */
    static Optional<String> idAfter(LocalTopic topic, String anchor, long total, Entry headThen) {
        var counting = new Backlog(topic, null, headThen);
        String at = anchor;
        long left = total;
        int limit = FIRST_PAGE;
        while (left > 0) {
            limit = (int) Math.min(left, limit);
            Optional<List<StoredEvent>> page = counting.read(at, limit).join();
            if (page.isEmpty() || page.get().size() < limit) {
                return Optional.empty();
            }
            long bytes = 0;
            for (StoredEvent event : page.get()) {
                bytes += event.encoded() == null ? 0 : event.encoded().length;
            }
            synchronized (counting) {
                counting.bytesRead += bytes;
                counting.eventsRead += limit;
            }
            at = page.get().getLast().id();
            left -= limit;
            limit = counting.nextLimit();
        }
        return Optional.of(at);
    }

    private CompletableFuture<Optional<List<StoredEvent>>> read(String afterId, int limit) {
        try {
            return topic.broker().readPage(afterId, headThen.id, limit).exceptionally(failure -> {
                LOG.warn("Topic {} could not read missed events from its broker: {}", topic.name(), failure.toString());
                return Optional.empty();
            });
        } catch (RuntimeException failure) {
            LOG.warn("Topic {} could not read missed events from its broker: {}", topic.name(), failure.toString());
            return CompletableFuture.completedFuture(Optional.empty());
        }
    }

    /** As many events as make about a page's bytes, at the size of those read so far. */
    private synchronized int nextLimit() {
        long average = eventsRead == 0 ? PAGE_BYTES : Math.max(1, bytesRead / eventsRead);
        return (int) Math.clamp(PAGE_BYTES / average, 1, MAX_PAGE);
    }

    /**
     * The page as entries, their ends counted back from the head's; the last one links to the head if the page ends
     * there, or is marked as a tail with more to read after it. Null if the page neither reaches the head nor is full.
     */
    private @Nullable Entry link(List<StoredEvent> page, int limit) {
        boolean last = page.getLast().id().equals(headThen.id);
        if (!last && page.size() < limit) {
            return null; // the broker's order does not reach the head it gave: nothing to follow on from
        }
        int count = last ? page.size() - 1 : page.size();
        Entry next = last ? headThen : null;
        long end = headThen.end - headThen.bytes.length;
        long bytes = 0;
        for (int i = count - 1; i >= 0; i--) {
            Entry linked = Entry.of(page.get(i), topic.name()).at(end);
            if (next == null) {
                linked.backlog = this; // the page's tail: the next page is read when the client gets here
            }
            linked.next = next;
            next = linked;
            end -= linked.bytes.length;
            bytes += linked.bytes.length;
        }
        synchronized (this) {
            bytesRead += bytes;
            eventsRead += count;
        }
        return next == null ? headThen : next;
    }
}
