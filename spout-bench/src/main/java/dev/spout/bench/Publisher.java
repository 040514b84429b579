package dev.spout.bench;

import java.time.Instant;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * Publishes {@code rate} events a second, evenly spaced, each {@code <intended publish time in epoch micros>
 * <padding>} of {@code size} bytes. The time written is when the event was due, not when it went out, so a
 * server that falls behind shows its delay in the latency instead of hiding it (no coordinated omission).
 */
final class Publisher implements Runnable {
    private final int rate;
    private final int size;
    private final Consumer<String> publish;
    private volatile boolean running = true;

    Publisher(int rate, int size, Consumer<String> publish) {
        this.rate = rate;
        this.size = size;
        this.publish = publish;
    }

    static String payload(long intendedMicros, int size) {
        String time = Long.toString(intendedMicros);
        int padding = Math.max(0, size - time.length() - 1);
        return time + " " + "x".repeat(padding);
    }

    @Override
    public void run() {
        long intervalNanos = 1_000_000_000L / rate;
        long startNanos = System.nanoTime();
        Instant start = Instant.now();
        long startMicros = start.getEpochSecond() * 1_000_000 + start.getNano() / 1000;
        String padding = "x".repeat(Math.max(0, size - 17));
        for (long i = 0; running; i++) {
            long due = startNanos + i * intervalNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            long intendedMicros = startMicros + (due - startNanos) / 1000;
            publish.accept(intendedMicros + " " + padding);
        }
    }

    void stop() {
        running = false;
    }
}
