package dev.spout.docs.spring;

// snippet:spring-clock
import dev.spout.engine.stream.SseHandler;
import java.time.LocalTime;
import org.springframework.web.bind.annotation.GetMapping;
// snippet:end

@org.springframework.web.bind.annotation.RestController
class Clock {
    // snippet:spring-clock
    @GetMapping("/clock")
    SseHandler clock() {
        return sse -> {
            while (true) { // ends when the client leaves: the sleep is interrupted
                sse.send(LocalTime.now().toString());
                Thread.sleep(1000);
            }
        };
    }
    // snippet:end
}
