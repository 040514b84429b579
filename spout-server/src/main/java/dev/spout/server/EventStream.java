package dev.spout.server;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.io.RetainableByteBuffer;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.IteratingCallback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server side of one open event stream, for both kinds: a per-client handler's stream and a topic subscription.
 *
 * <p>Writing never blocks and never runs two writes at once: messages for this client alone (a handler's sends,
 * heartbeats, a snapshot) wait in a small queue, topic events wait in the topic's shared list behind this stream's
 * position, and each write takes everything pending, up to {@link #MAX_WRITE} bytes, in one buffer. A single
 * pending message is written as is, without copying.
 *
 * <p>This is also the one place that decides how the stream ends. Whatever ends it first wins, and {@link
 * #closeWith} then runs the close sequence, always in this order:
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
 *       wakes from its interrupt finds its close listeners done.
 * </ol>
 */
final class EventStream extends IteratingCallback {
    private static final Logger LOG = LoggerFactory.getLogger(EventStream.class);
    static final int MAX_WRITE = 64 * 1024;

    private record Message(ByteBuffer bytes, CompletableFuture<Void> written) {}

    final String path;
    private final String address; // holds one of the limits' slots for its address until the stream leaves
    final String sessionId; // the session the stream was opened with, if any: its end ends the stream
    ClientRequest request; // null once a topic stream has left Jetty's HTTP handling (see releaseHttp)
    private Response response;
    private Callback exchange;
    private final Engine engine;
    private final EndPoint direct;
    private StreamConnection connection;
    private boolean releaseHttp;
    private boolean released;

    private final Object lock = new Object();
    private ArrayDeque<Message> queue; // created on first use: most topic streams never need one
    private long queuedBytes;
    private LocalTopic topic;
    private Entry position;
    private boolean committed;
    private CloseReason closeReason;
    private boolean exchangeDone;
    private List<Consumer<CloseReason>> listeners = new ArrayList<>(2);
    private Thread handler; // a per-client handler's thread, interrupted at the end of the close sequence

    private RetainableByteBuffer pooled;
    private List<CompletableFuture<Void>> inFlight = List.of();
    private int inFlightEvents;
    private ByteBuffer inFlightBytes; // what the current write hands to the network: all of it, or not yet
    private boolean writing;
    private volatile long lastWriteNanos = System.nanoTime();
    private volatile long writeStartedNanos;

    /**
     * A stream whose body, on HTTP/1.x, may be written straight to the connection's end point once Jetty has sent
     * the headers. The response goes out with {@code Connection: close}, so Jetty delimits its body by the end of
     * the connection, not by chunks: each write is the event bytes as they are, one write with no detour through
     * Jetty's response machinery (which costs about as much again as the system call).
     */
    EventStream(
            String path,
            ClientRequest request,
            Response response,
            Callback exchange,
            Engine engine,
            EndPoint direct,
            String address,
            String sessionId) {
        this.path = path;
        this.address = address;
        this.sessionId = sessionId;
        this.request = request;
        this.response = response;
        this.exchange = exchange;
        this.engine = engine;
        this.direct = direct;
    }

    /** The HTTP/1.x connection watching for the client's leaving, which may take over from Jetty's. */
    void watchedBy(StreamConnection connection) {
        this.connection = connection;
    }

    /**
     * Lets go of Jetty's request and response once the headers are out, on HTTP/1.x where this stream writes its
     * body itself: nothing is needed of them any more (a topic stream, unlike a handler's stream, offers no request
     * to read), and an idle stream then holds little more than its socket. Call before the first write.
     */
    void releaseHttpAfterHeaders() {
        synchronized (lock) {
            releaseHttp = direct != null && connection != null;
        }
    }

    /**
     * Queues bytes for this client alone; the future completes when they are written, or fails when they cannot be.
     *
     * @throws EventTooLargeException if the bytes alone exceed the queue bound: sending them would only cut the
     *     client off, so they are refused and the stream goes on
     */
    CompletableFuture<Void> enqueue(byte[] bytes) {
        if (bytes.length > engine.options.maxQueuedBytes) {
            throw new EventTooLargeException(
                    "the stream " + path, bytes.length, engine.options.maxQueuedBytes, "SpoutOptions.maxQueuedBytes");
        }
        var written = new CompletableFuture<Void>();
        long queued;
        synchronized (lock) {
            if (closeReason != null) {
                written.completeExceptionally(new StreamClosedException(path, closeReason));
                return written;
            }
            if (queue == null) {
                queue = new ArrayDeque<>(4);
            }
            queue.add(new Message(ByteBuffer.wrap(bytes), written));
            queuedBytes += bytes.length;
            queued = pendingBytes();
        }
        if (queued > engine.options.maxQueuedBytes) {
            closeWith(new CloseReason.TooSlow(queued));
        } else {
            iterate();
        }
        return written;
    }

    /** Starts writing: commits the response headers even if there is nothing to send yet. */
    void open() {
        iterate();
    }

    /**
     * Follows a topic from the given position: every entry after it will be written, after the given messages
     * (a reconnection delay, a snapshot), which go first.
     */
    boolean follow(LocalTopic topic, Entry position, List<byte[]> first) {
        synchronized (lock) {
            if (closeReason != null) {
                return false;
            }
            this.topic = topic;
            this.position = position;
            if (!first.isEmpty()) {
                queue = new ArrayDeque<>(first.size() + 2);
                for (byte[] bytes : first) {
                    queue.add(new Message(ByteBuffer.wrap(bytes), new CompletableFuture<>()));
                    queuedBytes += bytes.length;
                }
            }
            return true;
        }
    }

    /** The topic has new entries up to {@code head}: applies the slow-client bound, then writes what it can. */
    void published(Entry head) {
        long queued;
        boolean tooSlow = false;
        synchronized (lock) {
            if (closeReason != null || position == null) {
                return;
            }
            queued = pendingBytes(head);
            if (queued > engine.options.maxQueuedBytes) {
                if (engine.options.slowClients instanceof SlowClientPolicy.DropOldest) {
                    int dropped = 0;
                    while (queued > engine.options.maxQueuedBytes && position != head) {
                        position = position.next;
                        queued = pendingBytes(head);
                        dropped++;
                    }
                    topic.stats.dropped.add(dropped);
                } else {
                    tooSlow = true;
                }
            }
        }
        if (tooSlow) {
            closeWith(new CloseReason.TooSlow(queued));
        } else {
            iterate();
        }
    }

    /** Sends a heartbeat comment if nothing was written for the heartbeat interval. */
    void heartbeatIfIdle(long now, long intervalNanos) {
        if (now - lastWriteNanos >= intervalNanos && isOpen()) {
            lastWriteNanos = now; // one heartbeat per interval, even if the write is still pending
            engine.stats.heartbeats.increment();
            enqueue(Engine.HEARTBEAT);
        }
    }

    boolean isOpen() {
        synchronized (lock) {
            return closeReason == null;
        }
    }

    CloseReason closeReason() {
        synchronized (lock) {
            return closeReason;
        }
    }

    /** Adds a close listener; runs it at once if the stream has already ended. */
    void onClose(Consumer<CloseReason> listener) {
        CloseReason reason;
        synchronized (lock) {
            reason = closeReason;
            if (reason == null) {
                listeners.add(listener);
                return;
            }
        }
        notify(listener, reason);
    }

    /**
     * Runs the handler's side of the close sequence on this thread: it is interrupted when the stream ends, at once
     * if it has ended already (a client can leave before its handler starts).
     */
    void runsHandler(Thread thread) {
        boolean closed;
        synchronized (lock) {
            handler = thread;
            closed = closeReason != null;
        }
        if (closed) {
            thread.interrupt();
        }
    }

    /** The handler has returned: nothing to interrupt any more. */
    void handlerEnded() {
        synchronized (lock) {
            handler = null;
        }
    }

    /** Ends the stream for the given reason, unless it has ended already: the close sequence of the class comment. */
    void closeWith(CloseReason reason) {
        List<Consumer<CloseReason>> toNotify;
        List<CompletableFuture<Void>> unwritten = new ArrayList<>();
        boolean graceful = reason instanceof CloseReason.Completed || reason instanceof CloseReason.ServerStopping;
        boolean endNow;
        LocalTopic followed;
        synchronized (lock) { // 1. marked closed
            if (closeReason != null) {
                return;
            }
            closeReason = reason;
            toNotify = listeners;
            listeners = null;
            followed = topic;
            if (!graceful && queue != null) {
                queue.forEach(m -> unwritten.add(m.written()));
                queue.clear();
            }
            endNow = !graceful || (!writing && (queue == null || queue.isEmpty()));
        }
        if (reason instanceof CloseReason.TooSlow) {
            engine.stats.slowClientDisconnects.increment();
        }
        if (!unwritten.isEmpty()) { // most streams end with nothing unwritten: no exception to build
            var closed = new StreamClosedException(path, reason);
            unwritten.forEach(w -> w.completeExceptionally(closed));
        }
        engine.limits.release(address); // 2. gives back its limit slot, leaves the count, then its topic
        engine.streams.remove(this);
        if (followed != null) {
            followed.unsubscribe(this);
        }
        if (endNow) { // 3. the exchange ends
            finishExchange(reason);
        } else {
            iterate(); // a graceful end flushes what is queued first, then ends the exchange
        }
        for (Consumer<CloseReason> listener : toNotify) { // 4. close listeners
            notify(listener, reason);
        }
        Thread toInterrupt;
        synchronized (lock) {
            toInterrupt = handler;
        }
        if (toInterrupt != null && toInterrupt != Thread.currentThread()) { // 5. the handler wakes
            toInterrupt.interrupt();
        }
    }

    @Override
    protected Action process() {
        ByteBuffer out;
        boolean viaJetty;
        synchronized (lock) {
            if (closeReason != null
                    && (closeReason instanceof CloseReason.ClientGone
                            || closeReason instanceof CloseReason.TooSlow
                            || closeReason instanceof CloseReason.SessionEnded
                            || queueEmpty())) {
                writing = false;
                return Action.SUCCEEDED;
            }
            out = gather();
            if (out == null) {
                writing = false;
                return Action.IDLE;
            }
            writing = true;
            viaJetty = direct == null || !committed;
            committed = true;
        }
        lastWriteNanos = System.nanoTime();
        writeStartedNanos = lastWriteNanos;
        if (viaJetty) {
            response.write(false, out, this);
        } else {
            direct.write(this, out); // the body is delimited by the connection's end: bytes go out as they are
        }
        return Action.SCHEDULED;
    }

    /** Ends a stream whose write has waited longer than the write timeout (a client that stopped reading). */
    void checkWriteTimeout(long now, long timeoutNanos) {
        boolean stalled;
        synchronized (lock) {
            stalled = writing && now - writeStartedNanos > timeoutNanos;
        }
        if (stalled) {
            closeWith(new CloseReason.ClientGone(new java.util.concurrent.TimeoutException(
                    "A write to " + remoteAddress() + " waited longer than " + engine.options.writeTimeout)));
        }
    }

    @Override
    protected void onSuccess() {
        List<CompletableFuture<Void>> done;
        int events;
        synchronized (lock) {
            done = inFlight;
            events = inFlightEvents;
            inFlight = List.of();
            inFlightEvents = 0;
            inFlightBytes = null;
            releasePooled();
            if (releaseHttp && !released && !exchangeDone) {
                // The headers are out: from here on the body is written on the end point alone.
                connection.takeOver();
                released = true;
                request = null;
                response = null;
                exchange = null;
            }
        }
        if (events > 0) {
            topic.stats.delivered.add(events);
        }
        for (CompletableFuture<Void> written : done) {
            written.complete(null);
        }
    }

    @Override
    protected void onCompleteSuccess() {
        CloseReason reason = closeReason();
        if (reason != null) {
            finishExchange(reason);
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
        synchronized (lock) {
            waiting = inFlight;
            events = inFlightEvents;
            handedOver = inFlightBytes != null && !inFlightBytes.hasRemaining();
            inFlight = List.of();
            inFlightEvents = 0;
            inFlightBytes = null;
            writing = false;
            releasePooled();
        }
        if (handedOver) {
            if (events > 0) {
                topic.stats.delivered.add(events);
            }
            waiting.forEach(written -> written.complete(null));
        }
        closeWith(new CloseReason.ClientGone(cause));
        if (!handedOver && !waiting.isEmpty()) {
            var closed = new StreamClosedException(path, closeReason());
            waiting.forEach(written -> written.completeExceptionally(closed));
        }
        finishExchange(new CloseReason.ClientGone(cause)); // a failed write can only end in an abort
    }

    /** Takes everything pending, up to MAX_WRITE bytes, as one buffer; null if there is nothing (and no headers). */
    private ByteBuffer gather() {
        int messages = queue == null ? 0 : queue.size();
        Entry last = position;
        int events = 0;
        long size = 0;
        for (Message m : queue == null ? List.<Message>of() : queue) {
            size += m.bytes().remaining();
        }
        if (position != null) {
            for (Entry e = position.next; e != null && (size + e.bytes.length <= MAX_WRITE || size == 0); e = e.next) {
                size += e.bytes.length;
                last = e;
                events++;
            }
        }
        if (messages == 0 && events == 0) {
            return committed ? null : ByteBuffer.allocate(0);
        }
        List<CompletableFuture<Void>> waiters = new ArrayList<>(messages);
        ByteBuffer out;
        if (messages + events == 1) {
            if (messages == 1) {
                Message m = queue.poll();
                waiters.add(m.written());
                out = m.bytes();
            } else {
                out = ByteBuffer.wrap(last.bytes);
            }
        } else {
            pooled = engine.pool.acquire((int) size, true);
            out = pooled.getByteBuffer();
            out.clear();
            for (Message m = queue == null ? null : queue.poll(); m != null; m = queue.poll()) {
                out.put(m.bytes());
                waiters.add(m.written());
            }
            for (Entry e = position; e != last; ) {
                e = e.next;
                out.put(e.bytes);
            }
            out.flip();
        }
        queuedBytes = 0;
        position = position == null ? null : last;
        inFlight = waiters;
        inFlightEvents = events;
        inFlightBytes = out;
        return out;
    }

    private boolean queueEmpty() {
        return queue == null || queue.isEmpty();
    }

    private long pendingBytes() {
        return position == null ? queuedBytes : pendingBytes(topic.head());
    }

    private long pendingBytes(Entry head) {
        return queuedBytes + (position == null ? 0 : head.end - position.end);
    }

    private void releasePooled() {
        if (pooled != null) {
            pooled.release();
            pooled = null;
        }
    }

    private void finishExchange(CloseReason reason) {
        boolean onEndPoint;
        synchronized (lock) {
            if (exchangeDone) {
                return;
            }
            exchangeDone = true;
            onEndPoint = released;
        }
        if (onEndPoint) {
            endBodyOnEndPoint(reason);
            return;
        }
        switch (reason) {
            case CloseReason.ClientGone gone -> exchange.failed(gone.cause());
            case CloseReason.TooSlow slow ->
                exchange.failed(new EofException("The client is too slow: " + slow.queuedBytes() + " bytes queued"));
            case CloseReason.SessionEnded ended -> exchange.failed(new EofException("The stream's session ended"));
            default -> exchange.succeeded();
        }
    }

    /**
     * Ends a response that Jetty no longer handles, as Jetty would have: the body is delimited by the end of the
     * connection ({@code Connection: close}), so a clean end shuts the output (TLS sends its close_notify) and
     * closes; an abort closes at once. Jetty's exchange, left behind at the take-over, never completes: this ends
     * it for the engine's count of open exchanges.
     */
    private void endBodyOnEndPoint(CloseReason reason) {
        switch (reason) {
            case CloseReason.ClientGone gone -> direct.close(gone.cause());
            case CloseReason.TooSlow slow -> direct.close(new EofException("The client is too slow"));
            case CloseReason.SessionEnded ended -> direct.close(new EofException("The stream's session ended"));
            default -> {
                direct.shutdownOutput();
                direct.close();
            }
        }
        engine.exchangeEnded();
    }

    private String remoteAddress() {
        ClientRequest current = request;
        if (current != null) {
            return current.remoteAddress();
        }
        return direct.getRemoteSocketAddress() instanceof java.net.InetSocketAddress inet
                ? inet.getAddress().getHostAddress()
                : String.valueOf(direct.getRemoteSocketAddress());
    }

    private void notify(Consumer<CloseReason> listener, CloseReason reason) {
        try {
            listener.accept(reason);
        } catch (Throwable failure) {
            LOG.error("A close listener of the SSE stream {} failed", path, failure);
        }
    }

    @Override
    public String toString() {
        return "EventStream[" + path + " from " + remoteAddress() + "]";
    }
}
