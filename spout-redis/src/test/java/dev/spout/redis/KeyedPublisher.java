package dev.spout.redis;

import dev.spout.engine.topic.Topic;
import dev.spout.sse.SseEvent;
import dev.spout.testkit.Await;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletionException;
import java.util.concurrent.locks.LockSupport;

/**
 * A publisher that goes on while Redis fails over, as the docs tell applications to: each event has an idempotency
 * key, and a publish that fails is retried with the same key until it is answered (or the retry time runs out, which
 * fails the test). Events go round the topics, one at a time, about every {@code PACE}; each answered one is kept
 * with its id, and each failure counted by its exception's type.
 *
 * <pre>{@code
 * try (var publisher = KeyedPublisher.start(List.of(node.topic("room/1")), Duration.ofSeconds(20))) {
 *     publisher.awaitAcked(100, WAIT);
 *     ...
 *     List<KeyedPublisher.Acked> acked = publisher.stop();
 * }
 * }</pre>
 */
final class KeyedPublisher implements AutoCloseable {
    private static final long PACE_NANOS = Duration.ofMillis(2).toNanos();

    /** An event Redis answered: its topic, its data (also its key), the id it got. */
    record Acked(String topic, String data, String id) {}

    private final List<Topic> topics;
    private final Duration retryFor;
    private final List<Acked> acked = new ArrayList<>();
    private final Map<String, Integer> failures = new TreeMap<>();
    private final Map<String, String> examples = new TreeMap<>(); // each type's first message, to tell them apart
    private final Thread thread;
    private volatile boolean stopped;
    private volatile RuntimeException gaveUp;

    private KeyedPublisher(List<Topic> topics, Duration retryFor) {
        this.topics = topics;
        this.retryFor = retryFor;
        this.thread = Thread.ofVirtual().name("keyed-publisher").start(this::run);
    }

    static KeyedPublisher start(List<Topic> topics, Duration retryFor) {
        return new KeyedPublisher(topics, retryFor);
    }

    private void run() {
        for (int n = 0; !stopped; n++) {
            Topic topic = topics.get(n % topics.size());
            String data = "e" + n;
            long deadline = System.nanoTime() + retryFor.toNanos();
            while (true) {
                try {
                    String id = topic.publishOnce(data, SseEvent.of(data));
                    synchronized (this) {
                        acked.add(new Acked(topic.name(), data, id));
                    }
                    break;
                } catch (RuntimeException failed) {
                    Throwable cause = failed instanceof CompletionException && failed.getCause() != null
                            ? failed.getCause()
                            : failed;
                    synchronized (this) {
                        failures.merge(cause.getClass().getSimpleName(), 1, Integer::sum);
                        examples.putIfAbsent(
                                cause.getClass().getSimpleName(),
                                cause.getMessage() + (cause.getCause() != null ? " (" + cause.getCause() + ")" : ""));
                    }
                    if (System.nanoTime() > deadline) {
                        gaveUp = failed;
                        return;
                    }
                    LockSupport.parkNanos(10 * PACE_NANOS); // as an application backs off before it retries
                }
            }
            LockSupport.parkNanos(PACE_NANOS);
        }
    }

    /** Waits until this many events were answered in all. */
    void awaitAcked(int count, Duration timeout) {
        Await.until(
                "at least " + count + " events answered",
                () -> {
                    if (gaveUp != null) {
                        throw new AssertionError("a publish kept failing for " + retryFor, gaveUp);
                    }
                    return acked().size() >= count;
                },
                timeout);
    }

    synchronized List<Acked> acked() {
        return List.copyOf(acked);
    }

    /** The failed attempts, by the simple name of their exception's type. */
    synchronized Map<String, Integer> failures() {
        return Map.copyOf(failures);
    }

    /** Waits until this many attempts of the given type failed in all. */
    void awaitFailures(String type, int count, Duration timeout) {
        Await.until(count + " attempts failed with " + type, () -> failures().getOrDefault(type, 0) >= count, timeout);
    }

    /** The first message of each type of failure. */
    synchronized Map<String, String> examples() {
        return Map.copyOf(examples);
    }

    /** Stops after the publish under way; returns every event answered. */
    List<Acked> stop() throws InterruptedException {
        stopped = true;
        thread.join(retryFor.plusSeconds(5));
        if (gaveUp != null) {
            throw new AssertionError("a publish kept failing for " + retryFor, gaveUp);
        }
        return acked();
    }

    @Override
    public void close() throws InterruptedException {
        stopped = true;
        thread.join(retryFor.plusSeconds(5));
    }
}
