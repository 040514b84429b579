package dev.spout.engine.internal.stream;

import dev.spout.engine.auth.ClientRequest;
import dev.spout.engine.host.HostedStream;
import dev.spout.engine.host.StreamExchange;
import dev.spout.engine.internal.topic.Entry;
import dev.spout.engine.internal.topic.LocalTopic;
import dev.spout.engine.internal.topic.Subscriber;
import dev.spout.engine.stream.CloseReason;
import dev.spout.engine.stream.EventTooLargeException;
import dev.spout.engine.stream.SlowClientPolicy;
import dev.spout.engine.stream.StreamClosedException;
import dev.spout.engine.topic.EventFilter;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * The server side of one open event stream, of either kind: a per-client handler's stream or a topic subscription.
 * Its writes are its {@link WritePump}'s, its HTTP side its {@link StreamExchange}'s; this is where it ends, and it is
 * the lock that guards all three.
 *
 * <p>Whatever ends the stream first wins, and {@link #closeWith} then runs the close sequence, always in this order:
 *
 * <ol>
 *   <li>the stream is marked closed: {@code isOpen()} is false, and every later send (and every send still queued,
 *       unless the end is graceful) fails with {@link StreamClosedException} carrying the reason;
 *   <li>it gives back its slot of the stream limits, leaves the application's count of open streams, then its
 *       topic: once a topic's {@code subscribers()} no longer counts it, {@code openStreams()} does not either, and
 *       once {@code openStreams()} does not, a new stream from its address may take its slot;
 *   <li>the HTTP exchange ends once: aborted when the client is gone or too slow, or, for a graceful end (the
 *       application or the server ending it), after what is queued has been written;
 *   <li>close listeners run, each exactly once, in the order they were added, on the closing thread;
 *   <li>only then is a per-client handler's thread interrupted (unless it is the one closing), so a handler that
 *       wakes from its interrupt finds its close listeners done. Both are the handler's {@link ClientStream}'s:
 *       topic streams have neither.
 * </ol>
 */
public final class EventStream implements Subscriber, HostedStream {
    final String path;
    final Streams streams;
    final StreamExchange exchange;
    private final WritePump pump = new WritePump(this);
    final String address; // holds one of the limits' slots for its address until the stream leaves
    // The session the stream was opened with, if any, as its host knows it (an id on Spout's own server, the
    // container's session object elsewhere, which keeps its identity when the container gives it a new id): its end
    // ends the stream.
    final Object session;

    private @Nullable CloseReason closeReason;
    private @Nullable ClientStream handler; // a per-client handler's side: its close listeners and its thread

    EventStream(String path, StreamExchange exchange, Streams streams, String address, Object session) {
        this.path = path;
        this.exchange = exchange;
        this.streams = streams;
        this.address = address;
        this.session = session;
    }

    /**
     * Queues bytes for this client alone; the future completes when they are written, or fails when they cannot be.
     *
     * @throws EventTooLargeException if the bytes alone exceed the queue bound: sending them would only cut the
     *     client off, so they are refused and the stream goes on
     */
    CompletableFuture<Void> enqueue(byte[] bytes) {
        long bound = streams.settings.maxQueuedBytes();
        if (bytes.length > bound) {
            throw new EventTooLargeException("the stream " + path, bytes.length, bound, "SpoutOptions.maxQueuedBytes");
        }
        CompletableFuture<Void> written;
        long queued;
        synchronized (this) {
            if (closeReason != null) {
                return CompletableFuture.failedFuture(new StreamClosedException(path, closeReason));
            }
            written = pump.outbox(4).add(bytes);
            queued = pump.fallenBehind(pump.pendingBytes(null));
        }
        if (queued > bound) {
            closeWith(new CloseReason.TooSlow(queued));
        } else {
            pump.iterate();
        }
        return written;
    }

    /**
     * Writes what waits, if no write is under way: as the stream opens (the first write commits the response headers,
     * even with nothing to send yet), and when a checkpoint it waited for is saved.
     */
    void writePending() {
        pump.iterate();
    }

    /**
     * The stream will send only the events of {@code topic} the filter accepts; set before it follows the topic (its
     * place is set then). Kept in the source, not in a field of every stream: most streams have no filter.
     */
    synchronized void filterBy(LocalTopic topic, EventFilter filter) {
        pump.source = new FilteredTopic(topic, filter);
    }

    @Override
    public synchronized boolean follow(LocalTopic topic, Entry position, List<byte[]> first) {
        if (closeReason != null) {
            return false;
        }
        if (pump.source instanceof FilteredTopic filtered) {
            filtered.topic = topic; // this one's successor, if the topic was reclaimed meanwhile
            filtered.position = position;
        } else {
            pump.source = new OneTopic(topic, position);
        }
        queueFirst(first);
        return true;
    }

    /** One of the stream's several topics starts at {@code position}; under that topic's lock. */
    synchronized boolean follow(Follower follower, LocalTopic topic, Entry position, List<byte[]> first) {
        if (closeReason != null) {
            return false;
        }
        follower.topic = topic;
        follower.startAt(position);
        queueFirst(first);
        return true;
    }

    private void queueFirst(List<byte[]> first) {
        if (!first.isEmpty()) {
            Outbox outbox = pump.outbox(first.size() + 2);
            first.forEach(outbox::add);
        }
    }

    /** The stream will follow these topics; set before any of them is subscribed. */
    synchronized void followAll(TopicSet topics) {
        pump.source = topics;
    }

    /** The topic has new entries up to {@code head}: applies the slow-client bound, then writes what it can. */
    @Override
    public void published(Entry head) {
        long queued;
        long bound = streams.settings.maxQueuedBytes();
        synchronized (this) {
            if (closeReason != null) {
                return;
            }
            long pending = pump.pendingBytes(head);
            queued = pump.fallenBehind(pending);
            if (queued > bound && streams.settings.slowClients() instanceof SlowClientPolicy.DropOldest) {
                long keep = bound + (pending - queued); // the backlog it started with may stay
                pump.source.dropOldest(keep, pump.ownBytes(), head);
                queued = 0;
            }
        }
        if (queued > bound) {
            closeWith(new CloseReason.TooSlow(queued));
        } else {
            pump.iterate();
        }
    }

    @Override
    public void caughtUpMore(long bytes) {
        synchronized (this) {
            pump.backlogRead(bytes);
        }
    }

    @Override
    public void exchangeEnded() {
        streams.exchangeEnded();
    }

    /** The container that serves the stream says its client is gone (an adapter's error callback). */
    @Override
    public void clientGone(Throwable cause) {
        closeWith(new CloseReason.ClientGone(cause));
    }

    @Override
    public void failed(RuntimeException cause) {
        closeWith(new CloseReason.ClientGone(cause));
    }

    @Override
    public ClientRequest request() {
        return exchange.request();
    }

    /** Sends a heartbeat comment if nothing was written for the heartbeat interval. */
    void heartbeatIfIdle(long now, long intervalNanos) {
        if (now - pump.lastWriteNanos() >= intervalNanos && isOpen()) {
            pump.markWritten(now);
            streams.heartbeats.increment();
            enqueue(Streams.HEARTBEAT);
        }
    }

    /**
     * Ends a stream whose write has waited longer than the write timeout (a client that stopped reading), or whose
     * credentials have expired by {@code wallClock} (its filter's {@code endsAt}).
     */
    void checkWriteTimeout(long now, long timeoutNanos, java.time.Instant wallClock) {
        boolean stalled;
        boolean expired;
        synchronized (this) {
            stalled = pump.stalled(now, timeoutNanos);
            expired = pump.source instanceof FilteredTopic filtered && filtered.endedBy(wallClock);
        }
        if (expired) {
            closeWith(new CloseReason.SessionEnded());
        } else if (stalled) {
            closeWith(new CloseReason.ClientGone(new TimeoutException("A write to " + exchange.remoteAddress()
                    + " waited longer than " + streams.settings.writeTimeout())));
        }
    }

    @Override
    public synchronized boolean isOpen() {
        return closeReason == null;
    }

    synchronized @Nullable CloseReason closeReason() {
        return closeReason;
    }

    /** The close reason, for a caller that holds the lock already. */
    @Nullable
    CloseReason closeReasonLocked() {
        return closeReason;
    }

    /** The stream is a per-client handler's, whose side of the close sequence is {@code handler}'s. */
    synchronized void handledBy(ClientStream handler) {
        this.handler = handler;
    }

    /** Ends the stream for the given reason, unless it has ended already: the close sequence of the class comment. */
    public void closeWith(CloseReason reason) {
        List<CompletableFuture<Void>> unwritten = List.of();
        boolean graceful = reason instanceof CloseReason.Completed || reason instanceof CloseReason.ServerStopping;
        boolean endNow;
        Source source;
        ClientStream client;
        synchronized (this) { // 1. marked closed
            if (closeReason != null) {
                return;
            }
            closeReason = reason;
            client = handler;
            source = pump.source;
            if (!graceful && pump.outbox != null) {
                unwritten = pump.outbox.clear();
            }
            endNow = !graceful || (!pump.writing && pump.outboxEmpty());
            if (endNow) { // nothing more is gathered; a graceful end that still writes lets go when the pump ends
                pump.leaveTopics();
            }
        }
        if (reason instanceof CloseReason.TooSlow) {
            streams.slowClientDisconnects.increment();
        }
        if (!unwritten.isEmpty()) { // most streams end with nothing unwritten: no exception to build
            var closed = new StreamClosedException(path, reason);
            unwritten.forEach(w -> w.completeExceptionally(closed));
        }
        streams.limits.release(address); // 2. gives back its limit slot, leaves the count, then its topic
        streams.remove(this);
        source.unsubscribe(this);
        if (endNow) { // 3. the exchange ends
            exchange.end(reason);
        } else {
            pump.iterate(); // a graceful end flushes what is queued first, then ends the exchange
        }
        if (client != null) { // 4. close listeners, 5. the handler wakes
            client.ended(reason);
        }
    }

    @Override
    public String toString() {
        return "EventStream[" + path + " from " + exchange.remoteAddress() + "]";
    }
}
