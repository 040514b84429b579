package dev.spout.client;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/** How what happens on a stream reaches the application: queued for pulling, or handed to a listener. */
sealed interface Delivery {

    /** Delivers the next happening; may block (a full queue), which in turn slows reading: backpressure. */
    void deliver(StreamEvent event) throws InterruptedException;

    /** Delivers the final happening; never blocks. */
    void finish(StreamEvent last);

    /**
     * Queues events for {@link EventSource#nextEvent} and the iterator, up to a bound. A reader waits on the queue
     * itself and is woken by the next happening or by the end: it never polls.
     */
    final class Pull implements Delivery {
        private final int capacity;
        private final ArrayDeque<StreamEvent> queue;
        private final ReentrantLock lock = new ReentrantLock();
        private final Condition changed = lock.newCondition();
        private StreamEvent last;

        Pull(int capacity) {
            this.capacity = capacity;
            this.queue = new ArrayDeque<>(Math.min(capacity, 64));
        }

        @Override
        public void deliver(StreamEvent event) throws InterruptedException {
            lock.lock();
            try {
                while (queue.size() >= capacity) {
                    changed.await();
                }
                queue.add(event);
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }

        /** Keeps the first final happening: a failure is not hidden by the close that follows it. */
        @Override
        public void finish(StreamEvent last) {
            lock.lock();
            try {
                if (this.last == null) {
                    this.last = last;
                }
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }

        /** The next happening; the final one (forever) once the queue is drained after the end; null at timeout. */
        StreamEvent take(Duration timeout) throws InterruptedException {
            long left = timeout == null ? Long.MAX_VALUE : timeout.toNanos();
            lock.lock();
            try {
                while (true) {
                    StreamEvent next = queue.poll();
                    if (next != null) {
                        changed.signalAll(); // room for a blocked deliver
                        return next;
                    }
                    if (last != null) {
                        return last;
                    }
                    if (timeout == null) {
                        changed.await();
                    } else if (left <= 0) {
                        return null;
                    } else {
                        left = changed.awaitNanos(left);
                    }
                }
            } finally {
                lock.unlock();
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
