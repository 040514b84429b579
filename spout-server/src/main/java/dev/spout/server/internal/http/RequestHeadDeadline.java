package dev.spout.server.internal.http;

import dev.spout.broker.internal.log.Logs;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http2.ErrorCode;
import org.eclipse.jetty.http2.HTTP2Connection;
import org.eclipse.jetty.http2.HTTP2Session;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.ConnectionMetaData;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;

/**
 * A deadline for every HTTP/1.x request head: a client must send a complete request line and headers within the
 * timeout of connecting, or of the end of its previous response on a kept-alive connection. Jetty has no such limit,
 * and its idle timeout restarts with every byte read, so a client sending one header line every few seconds could
 * hold a connection open forever (the "slowloris" attack). Node.js bounds a head the same way (headersTimeout,
 * keepAliveTimeout).
 *
 * <p>Each HTTP/1.x connection gets one check on Jetty's scheduler at its deadline. While a request is being handled
 * there is no deadline (an event stream can last for hours); the request's end sets the next one.
 *
 * <p>An HTTP/2 connection is bounded the same way, by its streams: one that has no stream open and has opened none
 * since the check before (a timeout ago) is closed, so a client that never finishes a HEADERS block (or its
 * CONTINUATION frames) holds a connection for two timeouts at most. A connection with a stream open, an event
 * stream of hours among them, is never closed by this.
 */
public final class RequestHeadDeadline implements Connection.Listener, HttpConfiguration.Customizer {
    private static final Logger LOG = Logs.logger(RequestHeadDeadline.class);
    private static final String WATCH = RequestHeadDeadline.class.getName();
    private static final long HANDLING = Long.MAX_VALUE;

    private static final long LOG_EVERY_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final long timeoutNanos;
    private final Scheduler scheduler;
    private final AtomicLong closed = new AtomicLong();
    private final AtomicLong loggedNanos = new AtomicLong(System.nanoTime() - LOG_EVERY_NANOS);

    public RequestHeadDeadline(Duration timeout, Scheduler scheduler) {
        this.timeoutNanos = timeout.toNanos();
        this.scheduler = scheduler;
    }

    /**
     * The deadline of one connection, and whether a check of it is scheduled. It holds its connection weakly: a
     * pending check must not keep a connection alive that an event stream has taken over and let go of.
     */
    private final class Watch {
        final EndPoint endPoint;
        final WeakReference<Connection> connection;
        volatile long deadline = System.nanoTime() + timeoutNanos;
        final AtomicBoolean scheduled = new AtomicBoolean();
        private volatile Scheduler.@Nullable Task pendingCheck;

        Watch(Connection connection) {
            this.endPoint = connection.getEndPoint();
            this.connection = new WeakReference<>(connection);
        }

        void schedule() {
            long delay = deadline - System.nanoTime();
            if (deadline != HANDLING && scheduled.compareAndSet(false, true)) {
                pendingCheck = scheduler.schedule(this::check, Math.max(0, delay), TimeUnit.NANOSECONDS);
            }
        }

        /**
         * A request is being handled: the pending check is dropped, so that it holds nothing (an event stream that
         * takes its connection over lets Jetty's objects go at once, not when a check would have run).
         */
        void handling() {
            deadline = HANDLING;
            Scheduler.Task pending = pendingCheck;
            if (pending != null && pending.cancel()) {
                scheduled.set(false);
            }
        }

        private void check() {
            scheduled.set(false);
            Connection watched = connection.get();
            if (!endPoint.isOpen() || watched == null || endPoint.getConnection() != watched || deadline == HANDLING) {
                return; // closed, taken over (an event stream, HTTP/2), or handling a request: its end re-arms
            }
            if (System.nanoTime() - deadline >= 0) {
                LOG.debug("Closing {}: no complete request head within {} ms", endPoint, timeoutNanos / 1_000_000);
                closedOne();
                endPoint.close(
                        new TimeoutException("No complete request head within " + Duration.ofNanos(timeoutNanos)));
            } else {
                schedule();
            }
        }
    }

    /**
     * Counts a connection closed at its deadline, and says so at most once a second: a client closed this way gets no
     * response at all, and a server too busy to read what its clients sent (thousands connecting at once on a loaded
     * machine) closes them this way too, so it must not go unseen.
     */
    private void closedOne() {
        long count = closed.incrementAndGet();
        long now = System.nanoTime();
        long last = loggedNanos.get();
        if (now - last >= LOG_EVERY_NANOS && loggedNanos.compareAndSet(last, now)) {
            LOG.warn(
                    "Closed a connection that had sent no complete request head within {} ms ({} so far): a slow or"
                            + " idle client, or this server too busy to read what was sent"
                            + " (SpoutOptions.requestHeadTimeout)",
                    timeoutNanos / 1_000_000,
                    count);
        }
    }

    @Override
    public void onOpened(Connection connection) {
        if (connection instanceof HTTP2Connection h2) {
            new StreamsWatch(h2.getSession()).schedule();
        } else if (connection instanceof ConnectionMetaData http
                && http.getHttpVersion().getVersion() < 20) {
            var watch = new Watch(connection);
            http.setAttribute(WATCH, watch);
            watch.schedule();
        }
    }

    /** An HTTP/2 connection's streams, looked at once a timeout: none open and none opened since is idle. */
    private final class StreamsWatch {
        private final HTTP2Session session;
        private long openedBefore = -1;

        StreamsWatch(HTTP2Session session) {
            this.session = session;
        }

        void schedule() {
            scheduler.schedule(this::check, timeoutNanos, TimeUnit.NANOSECONDS);
        }

        private void check() {
            if (session.isClosed()) {
                return;
            }
            long opened = session.getStreamsOpened();
            boolean idle = opened == session.getStreamsClosed() && opened == openedBefore;
            if (idle) {
                LOG.debug("Closing {}: no request on it within {} ms", session, timeoutNanos / 1_000_000);
                // A GOAWAY says why; then the connection closes, whatever the client does.
                EndPoint endPoint = session.getEndPoint();
                var timedOut = new TimeoutException("No request within " + Duration.ofNanos(timeoutNanos));
                session.close(
                        ErrorCode.NO_ERROR.code,
                        "no request within the request head timeout",
                        Callback.from(() -> endPoint.close(timedOut)));
                return;
            }
            openedBefore = opened;
            schedule();
        }
    }

    /** A request head is complete: no deadline while it is handled; its end starts the wait for the next one. */
    @Override
    public Request customize(Request request, HttpFields.Mutable responseHeaders) {
        if (request.getConnectionMetaData().getAttribute(WATCH) instanceof Watch watch) {
            watch.handling();
            Request.addCompletionListener(request, failure -> {
                watch.deadline = System.nanoTime() + timeoutNanos;
                watch.schedule();
            });
        }
        return request;
    }
}
