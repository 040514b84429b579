package dev.spout.engine.internal.stream;

import dev.spout.engine.internal.topic.Entry;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a stream writes besides its own messages: nothing ({@link Own}, a handler's stream), one topic's entries
 * ({@link OneTopic}), or several topics' under ids of the stream's own ({@link TopicSet}). The stream and its write
 * pump ask it the same questions whatever it is; the pump's gathering of a write is the one thing that differs, by an
 * exhaustive switch. Guarded by the stream's lock.
 */
sealed interface Source permits Source.Own, OneTopic, TopicSet {

    /** The bytes waiting after the stream's place; {@code head} is the newest entry the fan-out told of, for one topic. */
    long pendingBytes(@Nullable Entry head);

    /**
     * Skips the oldest waiting entries until at most {@code keep} bytes wait, besides {@code alsoQueued} of the
     * stream's own, and counts them as dropped (the drop-oldest slow-client policy).
     */
    void dropOldest(long keep, long alsoQueued, @Nullable Entry head);

    /** The entries of a write that has completed count as delivered to their topics. */
    void delivered(int events);

    /**
     * Lets go of the stream's places, once it has ended and gathers nothing more: each place links to every event
     * published after it, so an ended stream that kept its place would keep all of them alive for as long as anything
     * still holds the stream (a Servlet container keeps the request of a stream cut off as too slow until its own
     * write timeout).
     */
    void leave();

    /** The stream leaves its topics' fan-out, as it ends; outside the stream's lock. */
    void unsubscribe(EventStream stream);

    /**
     * The places that have reached the end of a page of what their client missed, so the next page is read ({@link
     * Entry#reached}): null (nearly always), one entry, or a list of them for several topics.
     */
    @Nullable
    Object backlogTails();

    /** Reads the next page behind each of {@link #backlogTails}; outside the stream's lock. */
    static void reached(@Nullable Object tails) {
        if (tails instanceof Entry tail) {
            tail.reached();
        } else if (tails instanceof List<?> several) {
            several.forEach(tail -> ((Entry) tail).reached());
        }
    }

    /** Whether this place ends a page of a backlog with more to read after it. */
    static boolean endsPage(@Nullable Entry position) {
        return position != null && position.next == null && position.endsBacklogPage();
    }

    /** No topic: a handler's stream, whose messages are all its own. */
    enum Own implements Source {
        INSTANCE;

        @Override
        public long pendingBytes(@Nullable Entry head) {
            return 0;
        }

        @Override
        public void dropOldest(long keep, long alsoQueued, @Nullable Entry head) {}

        @Override
        public void delivered(int events) {}

        @Override
        public void leave() {}

        @Override
        public void unsubscribe(EventStream stream) {}

        @Override
        public @Nullable Object backlogTails() {
            return null;
        }
    }
}
