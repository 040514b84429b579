package dev.spout.bench.helidon;

import dev.spout.bench.common.Args;
import dev.spout.bench.common.Publisher;
import io.helidon.http.sse.SseEvent;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.sse.SseSink;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The benchmark job on Helidon SE 4 with its SSE sink, written the fastest way its model allows: Helidon runs each
 * request's handler on a virtual thread of its own, and {@code SseSink.emit} blocks, so each handler drains its
 * subscriber's queue and the publisher only enqueues (one event object, built once, for all). A subscriber whose
 * queue is full (10,000 events behind) is dropped, as Spout drops a slow client.
 */
public final class HelidonPeer {
    static final int QUEUE = 10_000;

    private record Subscriber(BlockingQueue<SseEvent> queue, Thread handler) {}

    private HelidonPeer() {}

    public static void main(String[] argv) {
        Args args = Args.options(argv);
        Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
        WebServer server = WebServer.builder()
                .port(args.integer("port", 8080))
                .routing(routing -> routing.get("/sse", (request, response) -> {
                    var subscriber = new Subscriber(new ArrayBlockingQueue<>(QUEUE), Thread.currentThread());
                    try (SseSink sink = response.sink(SseSink.TYPE)) {
                        subscribers.add(subscriber);
                        while (true) {
                            sink.emit(subscriber.queue().take()); // on this request's own virtual thread
                        }
                    } catch (InterruptedException dropped) {
                        // too slow: the publisher dropped it
                    } finally {
                        subscribers.remove(subscriber);
                    }
                }))
                .build()
                .start();
        Publisher.start(args, (id, data) -> {
            SseEvent event = SseEvent.builder().id(Long.toString(id)).name("message").data(data).build();
            for (Subscriber subscriber : subscribers) {
                if (!subscriber.queue().offer(event)) {
                    subscribers.remove(subscriber);
                    subscriber.handler().interrupt();
                }
            }
        });
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        Publisher.ready();
    }
}
