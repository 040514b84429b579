package dev.spout.server.internal.http;

import dev.spout.broker.internal.log.Logs;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;

/**
 * A deadline for every request body, over HTTP/1.x and HTTP/2 alike: the whole body must arrive within the timeout
 * of the request's head. Jetty's idle timeout restarts with every byte, so a client sending one byte of its body
 * every few seconds could hold a connection, and the thread reading it, for as long as it liked. At the deadline the
 * body is failed: a handler reading it gets an error (a plain endpoint answers {@code 408}), and the connection or
 * HTTP/2 stream is closed rather than read to the end.
 *
 * <p>Only requests that may have a body (not a GET, HEAD, OPTIONS or TRACE, and not one of length zero) are watched, with one check on Jetty's scheduler each, cancelled when the body
 * has been read or the request ends; event streams (GETs) have none.
 */
public final class RequestBodyDeadline implements HttpConfiguration.Customizer {
    private static final Logger LOG = Logs.logger(RequestBodyDeadline.class);

    private static final Set<String> WITHOUT_BODY = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final Duration timeout;
    private final Scheduler scheduler;

    public RequestBodyDeadline(Duration timeout, Scheduler scheduler) {
        this.timeout = timeout;
        this.scheduler = scheduler;
    }

    @Override
    public Request customize(Request request, HttpFields.Mutable responseHeaders) {
        if (request.getLength() == 0 || WITHOUT_BODY.contains(request.getMethod())) {
            return request; // no body, or one no handler reads (an event stream is a GET that lasts for hours)
        }
        var watched = new Watched(request);
        var check = scheduler.schedule(watched::expire, timeout.toNanos(), TimeUnit.NANOSECONDS);
        watched.check = check;
        Request.addCompletionListener(request, failure -> check.cancel());
        return watched;
    }

    /** The request, noting when its body's last chunk has been read. */
    private final class Watched extends Request.Wrapper {
        private volatile boolean complete;
        private volatile Scheduler.Task check;

        Watched(Request request) {
            super(request);
        }

        @Override
        public Content.Chunk read() {
            Content.Chunk chunk = super.read();
            if (chunk != null && chunk.isLast() && !complete) {
                complete = true;
                Scheduler.Task pending = check;
                if (pending != null) {
                    pending.cancel();
                }
            }
            return chunk;
        }

        void expire() {
            if (!complete) {
                LOG.debug("The body of {} did not arrive within {}", this, timeout);
                fail(new TimeoutException("The request body did not arrive within " + timeout));
            }
        }
    }
}
