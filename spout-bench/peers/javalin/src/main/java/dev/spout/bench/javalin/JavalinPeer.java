package dev.spout.bench.javalin;

import dev.spout.bench.common.Args;
import dev.spout.bench.common.Publisher;
import io.javalin.Javalin;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The benchmark job on Javalin 7, written the fastest way its documentation allows: {@code SseClient.sendEvent}
 * blocks, so each client's handler runs on a virtual thread of its own ({@code config.concurrency.useVirtualThreads})
 * and drains that client's queue; the publisher only enqueues. (Its documented example keeps the clients and sends to
 * each from one loop, which makes every client wait for the slowest.) A client 10,000 events behind is dropped, as
 * Spout drops a slow client.
 */
public final class JavalinPeer {
    static final int QUEUE = 10_000;

    private record Event(String id, String data) {}

    private record Subscriber(BlockingQueue<Event> queue, Thread handler) {}

    private JavalinPeer() {}

    public static void main(String[] argv) {
        Args args = Args.options(argv);
        Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
        Javalin app = Javalin.create(config -> {
            config.concurrency.useVirtualThreads = true;
            config.routes.sse("/sse", client -> {
                var subscriber = new Subscriber(new ArrayBlockingQueue<>(QUEUE), Thread.currentThread());
                subscribers.add(subscriber);
                client.onClose(() -> subscriber.handler().interrupt());
                try {
                    while (!client.terminated()) {
                        Event event = subscriber.queue().take();
                        client.sendEvent("message", event.data(), event.id());
                    }
                } catch (InterruptedException closedOrDropped) {
                    // the client left, or fell too far behind
                } finally {
                    subscribers.remove(subscriber);
                }
            });
        });
        app.start(args.integer("port", 8080));
        Publisher.start(args, (id, data) -> {
            var event = new Event(Long.toString(id), data);
            for (Subscriber subscriber : subscribers) {
                if (!subscriber.queue().offer(event)) {
                    subscribers.remove(subscriber);
                    subscriber.handler().interrupt();
                }
            }
        });
        Runtime.getRuntime().addShutdownHook(new Thread(app::stop));
        Publisher.ready();
    }
}
