package dev.spout.client;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/** How what happens on a stream reaches the application: queued for pulling, or handed to a listener. */
sealed interface Delivery {

    /** Delivers the next happening; may block (a full queue), which in turn slows reading: backpressure. */
    void deliver(StreamEvent event) throws InterruptedException;

    /** Delivers the final happening; never blocks. */
    void finish(StreamEvent last);

    /** Queues events for {@link EventSource#nextEvent} and the iterator, up to a bound. */
    final class Pull implements Delivery {
        private final BlockingQueue<StreamEvent> queue;
        private volatile StreamEvent last;

        Pull(int capacity) {
            this.queue = new ArrayBlockingQueue<>(capacity);
        }

        @Override
        public void deliver(StreamEvent event) throws InterruptedException {
            queue.put(event);
        }

        /** Keeps the first final happening: a failure is not hidden by the close that follows it. */
        @Override
        public void finish(StreamEvent last) {
            if (this.last == null) {
                this.last = last;
            }
        }

        /** The next happening; the final one (forever) once the queue is drained after the end. */
        StreamEvent take(Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + (timeout == null ? 0 : timeout.toNanos());
            while (true) {
                StreamEvent next = queue.poll(20, TimeUnit.MILLISECONDS);
                if (next != null) {
                    return next;
                }
                StreamEvent end = last;
                if (end != null && queue.isEmpty()) {
                    return end;
                }
                if (timeout != null && System.nanoTime() >= deadline) {
                    return null;
                }
            }
        }
    }

    /** Calls a listener, on the source's thread, in stream order. */
    final class Push implements Delivery {
        private static final System.Logger LOG = System.getLogger(EventSource.class.getName());
        private final EventSourceListener listener;

        Push(EventSourceListener listener) {
            this.listener = listener;
        }

        @Override
        public void deliver(StreamEvent event) {
            try {
                switch (event) {
                    case MessageEvent message -> listener.onMessage(message);
                    case StreamEvent.Open open -> listener.onOpen(open);
                    case StreamEvent.Comment comment -> listener.onComment(comment.text());
                    case StreamEvent.RetryChange change -> listener.onRetryChange(change.delay());
                    case StreamEvent.Reconnecting reconnecting ->
                        listener.onReconnecting(reconnecting.delay(), reconnecting.cause());
                    case StreamEvent.Failed failed -> listener.onFailure(failed.cause());
                    case StreamEvent.Closed closed -> listener.onClosed();
                }
            } catch (RuntimeException failure) {
                LOG.log(
                        Level.ERROR,
                        "An EventSourceListener failed on " + event.getClass().getSimpleName(),
                        failure);
            }
        }

        @Override
        public void finish(StreamEvent last) {
            deliver(last);
        }
    }
}
