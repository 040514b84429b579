package dev.spout.docs.spring;

// snippet:spring-emitter
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
// snippet:end

/** What the Spout controller beside it replaces: a broadcast with {@code SseEmitter}, as Spring's guide writes it. */
@org.springframework.web.bind.annotation.RestController
class EmitterNews {
    // snippet:spring-emitter
    // SseEmitter
    private final Set<SseEmitter> emitters = ConcurrentHashMap.newKeySet();

    @GetMapping("/news")
    SseEmitter stream() {
        var emitter = new SseEmitter(0L);
        emitters.add(emitter);
        emitter.onCompletion(() -> emitters.remove(emitter));
        emitter.onTimeout(() -> emitters.remove(emitter));
        emitter.onError(e -> emitters.remove(emitter));
        return emitter;
    }

    void publish(String item) {
        for (SseEmitter emitter : emitters) {
            try {
                emitter.send(SseEmitter.event().data(item)); // blocks on a slow client
            } catch (IOException gone) {
                emitters.remove(emitter);
            }
        }
    }
    // snippet:end
}
