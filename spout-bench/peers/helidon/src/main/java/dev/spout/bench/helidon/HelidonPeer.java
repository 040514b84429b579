package dev.spout.bench.helidon;

import dev.spout.bench.common.Args;
import dev.spout.bench.common.Publisher;
import io.helidon.http.sse.SseEvent;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.sse.SseSink;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;

/**
 * The benchmark job on Helidon SE 4 with its SSE sink: each request's handler (a virtual thread) opens a sink and
 * waits; the publisher emits every event to every sink, and a sink that fails is dropped and its handler released.
 */
public final class HelidonPeer {
    private record Subscriber(SseSink sink, CountDownLatch gone) {}

    private HelidonPeer() {}

    public static void main(String[] argv) {
        Args args = Args.options(argv);
        Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
        WebServer server = WebServer.builder()
                .port(args.integer("port", 8080))
                .routing(routing -> routing.get("/sse", (request, response) -> {
                    try (SseSink sink = response.sink(SseSink.TYPE)) {
                        var subscriber = new Subscriber(sink, new CountDownLatch(1));
                        subscribers.add(subscriber);
                        subscriber.gone().await();
                    }
                }))
                .build()
                .start();
        Publisher.start(args, (id, data) -> {
            SseEvent event = SseEvent.builder().id(Long.toString(id)).name("message").data(data).build();
            for (Subscriber subscriber : subscribers) {
                try {
                    subscriber.sink().emit(event);
                } catch (RuntimeException gone) {
                    subscribers.remove(subscriber);
                    subscriber.gone().countDown();
                }
            }
        });
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        Publisher.ready();
    }
}
