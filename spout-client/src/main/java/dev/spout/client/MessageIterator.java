package dev.spout.client;

import java.util.Iterator;
import java.util.NoSuchElementException;
import org.jspecify.annotations.Nullable;

/**
 * A pulled source's messages, in order: waits for each, skips the other happenings, ends when the source is
 * closed, and throws the {@link EventSourceException} of a stream that failed for good.
 */
final class MessageIterator implements Iterator<MessageEvent> {
    private final Delivery.Pull queue;
    private @Nullable MessageEvent next;

    MessageIterator(Delivery.Pull queue) {
        this.queue = queue;
    }

    @Override
    public boolean hasNext() {
        while (next == null) {
            StreamEvent event;
            try {
                event = queue.take(null);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            switch (event) {
                case MessageEvent message -> next = message;
                case StreamEvent.Failed failed -> throw failed.cause();
                case StreamEvent.Closed closed -> {
                    return false;
                }
                default -> {
                    // open, comments, retry changes and reconnections are not messages
                }
            }
        }
        return true;
    }

    @Override
    public MessageEvent next() {
        if (!hasNext()) {
            throw new NoSuchElementException("The event source is closed");
        }
        MessageEvent message = next;
        next = null;
        return message;
    }
}
