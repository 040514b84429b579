package dev.spout.engine.internal.stream;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * What waits to be written to one client alone: a handler's sends, heartbeats, a reconnection delay, a snapshot.
 * Each message has a future that completes when its bytes are handed to the network. Created only when a stream
 * first needs it; guarded by its stream's lock.
 */
final class Outbox {
    /** One message and who waits for it. */
    record Message(ByteBuffer bytes, CompletableFuture<Void> written) {}

    private final ArrayDeque<Message> messages;
    private long bytes;

    Outbox(int expected) {
        messages = new ArrayDeque<>(expected);
    }

    CompletableFuture<Void> add(byte[] message) {
        var written = new CompletableFuture<Void>();
        messages.add(new Message(ByteBuffer.wrap(message), written));
        bytes += message.length;
        return written;
    }

    boolean isEmpty() {
        return messages.isEmpty();
    }

    int size() {
        return messages.size();
    }

    /** Bytes waiting, not yet taken by a write. */
    long bytes() {
        return bytes;
    }

    Message poll() {
        Message next = messages.poll();
        if (next != null) {
            bytes -= next.bytes().remaining();
        }
        return next;
    }

    /** Takes the next message, which is there; its future joins {@code waiters}. Returns its bytes. */
    ByteBuffer pollInto(List<CompletableFuture<Void>> waiters) {
        Message next = poll();
        waiters.add(next.written());
        return next.bytes();
    }

    /** Copies every message into {@code out}, which has room for them; their futures join {@code waiters}. */
    void drainInto(ByteBuffer out, List<CompletableFuture<Void>> waiters) {
        for (Message m = messages.poll(); m != null; m = messages.poll()) {
            out.put(m.bytes());
            waiters.add(m.written());
        }
        bytes = 0;
    }

    /** Empties the outbox; returns the futures of what will now never be written. */
    List<CompletableFuture<Void>> clear() {
        List<CompletableFuture<Void>> unwritten = new ArrayList<>(messages.size());
        messages.forEach(m -> unwritten.add(m.written()));
        messages.clear();
        bytes = 0;
        return unwritten;
    }
}
