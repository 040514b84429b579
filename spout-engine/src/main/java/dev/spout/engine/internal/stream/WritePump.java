package dev.spout.engine.internal.stream;

import dev.spout.engine.host.StreamExchange;
import dev.spout.engine.internal.topic.Entry;
import dev.spout.engine.stream.CloseReason;
import dev.spout.engine.stream.StreamClosedException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.jetty.io.RetainableByteBuffer;
import org.jspecify.annotations.Nullable;

/**
 * A stream's writes: never blocking, never two at once. Messages for this client alone wait in its {@link Outbox},
 * topic events in the topics' shared lists behind its {@link Source}'s places, and each write takes everything pending,
 * up to {@link #MAX_WRITE} bytes, in one buffer. A single pending message or event is written as it is, without
 * copying. All state is guarded by the stream's lock; the write itself happens outside it.
 */
final class WritePump extends PendingWrites {
    static final int MAX_WRITE = 64 * 1024;

    private final EventStream stream;

    private TopicSet.@Nullable Save save; // a checkpoint the last gather found due, saved outside the lock
    private @Nullable RetainableByteBuffer pooled;
    private List<CompletableFuture<Void>> inFlight = List.of();
    private int inFlightEvents;
    private @Nullable ByteBuffer inFlightBytes; // what the current write hands to the network: all of it, or not yet
    boolean writing;
    private boolean committed; // a write has been handed to the exchange: the response's headers are on their way
    private volatile long lastWriteNanos = System.nanoTime();
    private long writeStartedNanos; // guarded by the stream's lock, like the flag it goes with

    WritePump(EventStream stream) {
        this.stream = stream;
    }

    long lastWriteNanos() {
        return lastWriteNanos;
    }

    /** One heartbeat per interval, even if the write is still pending. */
    void markWritten(long now) {
        lastWriteNanos = now;
    }

    /** Whether a write has waited longer than the timeout (a client that stopped reading). Under the lock. */
    boolean stalled(long now, long timeoutNanos) {
        return writing && now - writeStartedNanos > timeoutNanos;
    }

    @Override
    protected Action process() {
        ByteBuffer out;
        TopicSet.Save dueSave;
        Object tails;
        synchronized (stream) {
            CloseReason reason = stream.closeReasonLocked();
            if (reason != null && (StreamExchange.aborts(reason) || outboxEmpty())) {
                writing = false;
                return Action.SUCCEEDED;
            }
            out = switch (source) {
                case TopicSet several -> gatherTopics(several);
                case FilteredTopic filtered -> gatherFiltered(filtered);
                case OneTopic one -> gather(one);
                case Source.Own own -> gather(null);
            };
            dueSave = save;
            save = null;
            tails = source.backlogTails();
            if (out == null) {
                writing = false;
            } else {
                writing = true;
                committed = true;
                // Under the lock with the flag: the write timeout reads both, and a start set after the flag would
                // let it see a write with the last one's start (or none: the first write) and cut a live client off.
                writeStartedNanos = System.nanoTime();
                lastWriteNanos = writeStartedNanos;
            }
        }
        if (dueSave != null) {
            CheckpointSaving.save(stream, (TopicSet) source, dueSave);
        }
        Source.reached(tails);
        if (out == null) {
            return Action.IDLE;
        }
        stream.exchange.write(out, this);
        return Action.SCHEDULED;
    }

    @Override
    protected void onSuccess() {
        List<CompletableFuture<Void>> done;
        int events;
        synchronized (stream) {
            done = inFlight;
            events = inFlightEvents;
            writeEnded();
            stream.exchange.written();
            if (events > 0) {
                source.delivered(events);
            }
        }
        for (CompletableFuture<Void> written : done) {
            written.complete(null);
        }
    }

    @Override
    protected void onCompleteSuccess() {
        CloseReason reason;
        synchronized (stream) {
            reason = stream.closeReasonLocked();
            leaveTopics();
        }
        if (reason != null) {
            stream.exchange.end(reason);
        }
    }

    /**
     * A write failed, almost always because the client left. A send whose bytes had all been handed to the network
     * when the connection failed still succeeded (the client may well have read them: a client that reads an event
     * and leaves at once makes its last write fail after the fact); the others fail with the close reason.
     */
    @Override
    protected void onCompleteFailure(Throwable cause) {
        List<CompletableFuture<Void>> waiting;
        int events;
        boolean handedOver;
        synchronized (stream) {
            waiting = inFlight;
            events = inFlightEvents;
            handedOver = inFlightBytes != null && !inFlightBytes.hasRemaining();
            writing = false;
            writeEnded();
            if (handedOver && events > 0) {
                source.delivered(events);
            }
            leaveTopics();
        }
        if (handedOver) {
            waiting.forEach(written -> written.complete(null));
        }
        stream.closeWith(new CloseReason.ClientGone(cause));
        if (!handedOver && !waiting.isEmpty()) {
            var closed = new StreamClosedException(stream.path, stream.closeReason());
            waiting.forEach(written -> written.completeExceptionally(closed));
        }
        stream.exchange.end(new CloseReason.ClientGone(cause)); // a failed write can only end in an abort
    }

    /** Nothing to write: an empty buffer if no write has gone out yet (writing it commits the headers), else null. */
    private ByteBuffer committedOrEmpty() {
        return committed ? null : ByteBuffer.allocate(0);
    }

    /**
     * Takes everything pending, the client's own messages and then its topic's entries ({@code one}, if it follows
     * one), up to MAX_WRITE bytes, as one buffer; null if there is nothing (and no headers).
     */
    private @Nullable ByteBuffer gather(@Nullable OneTopic one) {
        int messages = outbox == null ? 0 : outbox.size();
        long size = ownBytes();
        Entry last = one == null ? null : one.position;
        int events = 0;
        if (last != null) {
            for (Entry e = last.next; e != null && (size + e.bytes.length <= MAX_WRITE || size == 0); e = e.next) {
                size += e.bytes.length;
                last = e;
                events++;
            }
        }
        if (messages == 0 && events == 0) {
            return committedOrEmpty();
        }
        return assemble(one, messages, size, last, last, events);
    }

    /**
     * {@link #gather} for a filtered stream: the entries its filter accepts, up to MAX_WRITE bytes of them; those it
     * refuses are passed over (the place moves past them even if nothing is written). One accepted entry alone goes
     * out as it is.
     */
    private @Nullable ByteBuffer gatherFiltered(FilteredTopic one) {
        int messages = outbox == null ? 0 : outbox.size();
        long size = ownBytes();
        Entry last = one.position;
        Entry only = null;
        int events = 0;
        if (last != null) {
            for (Entry e = last.next; e != null; e = e.next) {
                if (one.accepts(e)) {
                    if (size + e.bytes.length > MAX_WRITE && size > 0) {
                        break;
                    }
                    size += e.bytes.length;
                    only = e;
                    events++;
                }
                last = e;
            }
        }
        if (messages == 0 && events == 0) {
            if (last != null) {
                one.position = last; // what the filter refused is passed, though nothing is written
            }
            return committedOrEmpty();
        }
        return assemble(one, messages, size, only, last, events);
    }

    /**
     * The write of the stream's own messages, then its topic's entries after its place through {@code last}: one
     * alone ({@code only}, a message or an entry) as it is, without a copy; else all of them copied into one pooled
     * buffer of {@code size} bytes. The place moves to {@code last}.
     */
    private ByteBuffer assemble(
            @Nullable OneTopic one, int messages, long size, @Nullable Entry only, @Nullable Entry last, int events) {
        List<CompletableFuture<Void>> waiters = new ArrayList<>(messages);
        ByteBuffer out;
        if (messages + events == 1) { // one alone goes out as it is, without a copy
            out = messages == 1 ? outbox.pollInto(waiters) : ByteBuffer.wrap(only.bytes);
        } else {
            out = acquire(size);
            if (messages > 0) {
                outbox.drainInto(out, waiters);
            }
            if (events > 0) {
                one.copyThrough(last, out);
            }
            out.flip();
        }
        if (one != null && last != null) {
            one.position = last;
        }
        return inFlight(waiters, events, out);
    }

    /** {@link #gather} for a stream of several topics: every event is copied, with the stream's own id. */
    private @Nullable ByteBuffer gatherTopics(TopicSet topics) {
        if (!topics.checkpoints.isJoined()) {
            return null; // the request stays the stream's until every topic's gap handler has had it
        }
        int messages = outbox == null ? 0 : outbox.size();
        long own = ownBytes();
        long planned = topics.plan(MAX_WRITE - own, own == 0);
        save = topics.due(System.nanoTime());
        if (messages == 0 && planned == 0) {
            return committedOrEmpty();
        }
        List<CompletableFuture<Void>> waiters = new ArrayList<>(messages);
        ByteBuffer out = acquire(own + planned);
        if (messages > 0) {
            outbox.drainInto(out, waiters);
        }
        int events = topics.write(out);
        out.flip();
        if (!out.hasRemaining()) { // every planned event had gone out by another of the stream's topics
            releasePooled();
            return committedOrEmpty();
        }
        return inFlight(waiters, events, out);
    }

    /** A pooled buffer for a write of {@code size} bytes, released when the write ends. */
    private ByteBuffer acquire(long size) {
        pooled = stream.streams.pool.acquire((int) size, true);
        ByteBuffer out = pooled.getByteBuffer();
        out.clear();
        return out;
    }

    /** The write about to go out: who waits for it and how many topic events it carries. */
    private ByteBuffer inFlight(List<CompletableFuture<Void>> waiters, int events, ByteBuffer out) {
        inFlight = waiters;
        inFlightEvents = events;
        inFlightBytes = out;
        return out;
    }

    /** The write in flight has ended: nothing waits on it any more, and its buffer goes back to the pool. */
    private void writeEnded() {
        inFlight = List.of();
        inFlightEvents = 0;
        inFlightBytes = null;
        releasePooled();
    }

    private void releasePooled() {
        if (pooled != null) {
            pooled.release();
            pooled = null;
        }
    }
}
