package dev.spout.engine.internal.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spout.engine.stream.CloseReason;
import java.nio.ByteBuffer;
import java.time.Duration;
import org.eclipse.jetty.util.Callback;

/**
 * The HTTP side of a client that reads nothing until told: each write of bytes waits for {@link #release}. The empty
 * write that commits the headers goes out at once, as a socket's buffer takes it.
 */
final class HeldExchange extends TestExchange {
    private Callback held;
    private CloseReason ended;

    @Override
    public synchronized void write(ByteBuffer bytes, Callback done) {
        if (!bytes.hasRemaining()) {
            done.succeeded();
            return;
        }
        bytes.position(bytes.limit());
        held = done;
        notifyAll();
    }

    synchronized void awaitWrite() throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (held == null && System.nanoTime() < until) {
            wait(100);
        }
        assertThat(held).as("a write handed to the exchange").isNotNull();
    }

    /** Completes the held write; the next one, if any, is held in its turn. */
    void release() throws InterruptedException {
        awaitWrite();
        Callback done;
        synchronized (this) {
            done = held;
            held = null;
        }
        done.succeeded();
    }

    @Override
    public synchronized void end(CloseReason reason) {
        ended = reason;
        notifyAll();
    }

    /**
     * How the exchange ended, waiting for it a while: the end may come on the thread that was still in the pump
     * when a write was released (it goes round once more), after {@link #release} has returned.
     */
    synchronized CloseReason ended() throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (ended == null && System.nanoTime() < until) {
            wait(100);
        }
        return ended;
    }
}
