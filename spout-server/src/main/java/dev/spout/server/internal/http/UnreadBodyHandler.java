package dev.spout.server.internal.http;

import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Reads and throws away what is left of a request body once its answer is written, before the exchange completes.
 *
 * <p>Many answers are decided before the body is read: a 405, a 404, a cross-origin 403, a refused authorizer.
 * Jetty gives up on a body still in flight when such an answer is written ({@code Response.writeError} consumes only
 * what has arrived) and ends the HTTP/2 stream with {@code RST_STREAM(CANCEL)}, or closes an HTTP/1.1 connection.
 * A client that was still sending may then report the reset instead of the answer it already has: the JDK's
 * {@code HttpClient} does, now and then, for a small form posted to a GET-only ajax endpoint. Reading the rest first
 * (up to {@link RequestBody#DRAIN_AT_MOST}; a larger body is still reset) lets the stream end the normal way and the
 * connection stay open. Where the body was read, or there was none, the first read is its end and nothing waits.
 */
public final class UnreadBodyHandler extends Handler.Wrapper {
    public UnreadBodyHandler(Handler next) {
        super(next);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        var drained = new DrainedLater(request);
        var drainFirst = new DrainFirst(request, callback);
        if (!super.handle(drained, response, drainFirst)) {
            // What Jetty's server answers a request no handler takes, but with the body read first.
            Response.writeError(drained, response, drainFirst, HttpStatus.NOT_FOUND_404);
        }
        return true;
    }

    /**
     * The request as handlers see it: asked to consume what has arrived (as an error answer does), it promises the
     * rest is consumed, which {@link DrainFirst} makes true before the exchange completes.
     */
    private static final class DrainedLater extends Request.Wrapper {
        DrainedLater(Request request) {
            super(request);
        }

        @Override
        public boolean consumeAvailable() {
            return true;
        }
    }

    /** Completes the exchange after the body's end, at once if reading it failed. */
    private static final class DrainFirst extends Callback.Nested implements Runnable {
        private final Request request;
        private long left = RequestBody.DRAIN_AT_MOST;

        DrainFirst(Request request, Callback callback) {
            super(callback);
            this.request = request;
        }

        @Override
        public void succeeded() {
            run();
        }

        /** Reads what is there and asks to be called again when more comes, until the end or the bound. */
        @Override
        public void run() {
            while (true) {
                Content.Chunk chunk = request.read();
                if (chunk == null) {
                    request.demand(this);
                    return;
                }
                boolean done = chunk.isLast() || Content.Chunk.isFailure(chunk);
                left -= chunk.remaining();
                chunk.release();
                if (done || left <= 0) {
                    super.succeeded();
                    return;
                }
            }
        }
    }
}
