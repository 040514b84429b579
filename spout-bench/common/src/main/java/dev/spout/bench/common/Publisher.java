package dev.spout.bench.common;

import java.time.Instant;
import java.util.concurrent.locks.LockSupport;

/**
 * Publishes {@code rate} events a second (decimals allowed: 0.2 is one every five seconds), evenly spaced, each with an incrementing id and the data {@code <intended
 * publish time in epoch micros> <padding>} of {@code size} bytes. The time written is when the event was due, not
 * when it went out, so a server that falls behind shows its delay in the latency instead of hiding it (no
 * coordinated omission).
 *
 * <pre>{@code
 * Publisher.start(args, (id, data) -> topic.publish(data));   // with --rate 0: nothing
 * }</pre>
 */
public final class Publisher implements Runnable {

    /** Where each event goes. */
    @FunctionalInterface
    public interface Sink {
        void publish(long id, String data);
    }

    private final double rate;
    private final int size;
    private final Sink sink;
    private volatile boolean running = true;

    public Publisher(double rate, int size, Sink sink) {
        if (!(rate > 0) || !Double.isFinite(rate)) {
            throw new IllegalArgumentException("--rate must be more than 0 to publish, got " + rate);
        }
        this.rate = rate;
        this.size = size;
        this.sink = sink;
    }

    /** Starts publishing on its own thread with {@code --rate} and {@code --size}, unless the rate is 0. */
    public static Publisher start(Args args, Sink sink) {
        double rate = args.decimal("rate", 0);
        if (rate == 0) {
            return null;
        }
        var publisher = new Publisher(rate, args.integer("size", 100), sink);
        Thread.ofPlatform().name("bench-publisher").daemon().start(publisher);
        Runtime.getRuntime().addShutdownHook(new Thread(publisher::stop));
        return publisher;
    }

    /** The data of an event due at that time: {@code <micros> <padding>}, {@code size} bytes in all. */
    public static String payload(long intendedMicros, int size) {
        String time = Long.toString(intendedMicros);
        return time + " " + "x".repeat(Math.max(0, size - time.length() - 1));
    }

    /** Tells a harness that the server listens. */
    public static void ready() {
        System.out.println("ready");
        System.out.flush();
    }

    @Override
    public void run() {
        double intervalNanos = 1e9 / rate;
        long startNanos = System.nanoTime();
        Instant start = Instant.now();
        long startMicros = start.getEpochSecond() * 1_000_000 + start.getNano() / 1000;
        String padding = " " + "x".repeat(Math.max(0, size - 17));
        for (long i = 0; running; i++) {
            long due = startNanos + (long) (i * intervalNanos); // no rounding that adds up over a run
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            long intendedMicros = startMicros + (due - startNanos) / 1000;
            sink.publish(i + 1, intendedMicros + padding);
        }
    }

    public void stop() {
        running = false;
    }
}
