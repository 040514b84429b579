package dev.spout.bench.sseemitter;

import dev.spout.bench.common.Args;
import dev.spout.bench.common.Publisher;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The benchmark job with Spring MVC's {@link SseEmitter} on Tomcat (Spring Boot 4), without Spout, as Spring's
 * reference guide shows a push: a controller returns an emitter (no timeout), the application keeps the open ones
 * and sends to them from its own thread, removing one on completion, timeout or error. {@code send} writes and
 * flushes through the response, blocking, so one slow client would hold up a loop over all of them: as for the
 * Javalin and Helidon peers, each emitter has a queue drained by a virtual thread of its own, and the publisher only
 * enqueues the event, built once. Tomcat's connection limit is lifted (8,192 by default), as for every peer.
 */
@SpringBootApplication(proxyBeanMethods = false)
public class SseEmitterPeer {
    static final Set<Subscriber> SUBSCRIBERS = ConcurrentHashMap.newKeySet();

    /** One client: its emitter, and what waits for it. */
    record Subscriber(SseEmitter emitter, LinkedBlockingQueue<Set<ResponseBodyEmitter.DataWithMediaType>> queue) {
        void drain() {
            try {
                while (true) {
                    emitter.send(queue.take());
                }
            } catch (IOException | IllegalStateException gone) {
                SUBSCRIBERS.remove(this);
                emitter.completeWithError(gone);
            } catch (InterruptedException stopping) {
                SUBSCRIBERS.remove(this);
            }
        }
    }

    public static void main(String[] argv) {
        Args args = Args.options(argv);
        var application = new SpringApplication(SseEmitterPeer.class);
        application.setDefaultProperties(Map.of(
                "server.port", args.integer("port", 8080),
                "server.tomcat.max-connections", 100_000, // Spring Boot applies only a positive limit
                "server.tomcat.accept-count", 4096, // the accept queue of Spout's own server, not Tomcat's 100
                "spring.main.banner-mode", "off",
                "logging.level.root", "warn"));
        application.run();
        Publisher.start(args, (id, data) -> {
            // Built once (a builder is not to be shared), sent as built to every emitter.
            Set<ResponseBodyEmitter.DataWithMediaType> event =
                    SseEmitter.event().id(Long.toString(id)).data(data).build();
            for (Subscriber subscriber : SUBSCRIBERS) {
                subscriber.queue().offer(event);
            }
        });
        Publisher.ready();
    }

    @RestController
    static class Events {
        @GetMapping("/sse")
        SseEmitter sse() {
            var subscriber = new Subscriber(new SseEmitter(0L), new LinkedBlockingQueue<>());
            SUBSCRIBERS.add(subscriber);
            Thread drainer = Thread.ofVirtual().name("emitter").start(subscriber::drain);
            Runnable gone = () -> {
                SUBSCRIBERS.remove(subscriber);
                drainer.interrupt();
            };
            subscriber.emitter().onCompletion(gone);
            subscriber.emitter().onTimeout(gone);
            subscriber.emitter().onError(failure -> gone.run());
            return subscriber.emitter();
        }
    }
}
