package dev.spout.examples.spring;

import dev.spout.engine.topic.Topic;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.ObjectMapper;

/**
 * The seed's two boxes that flip in every open browser: a click posts here, the new state is published to the
 * topic, and every browser's stream shows it at once. A browser that connects gets the latest state first.
 */
@RestController
class TogglesController {
    record State(boolean one, boolean two) {}

    private final AtomicReference<State> state = new AtomicReference<>(new State(true, false));
    private final Topic toggles;
    private final ObjectMapper json;

    TogglesController(Topic toggles, ObjectMapper json) {
        this.toggles = toggles;
        this.json = json;
        toggles.publish(json(state.get()));
    }

    @GetMapping("/toggles/sse")
    Topic stream() {
        return toggles;
    }

    @PostMapping("/toggles/{box}")
    ResponseEntity<State> flip(@PathVariable String box) {
        return switch (box) {
            case "one" -> ResponseEntity.ok(change(s -> new State(!s.one(), s.two())));
            case "two" -> ResponseEntity.ok(change(s -> new State(s.one(), !s.two())));
            default -> ResponseEntity.notFound().build();
        };
    }

    /** Changes the state and publishes it, in one order: concurrent clicks never publish a stale state. */
    private State change(UnaryOperator<State> change) {
        synchronized (state) {
            State next = state.updateAndGet(change);
            toggles.publish(json(next));
            return next;
        }
    }

    private String json(State state) {
        return json.writeValueAsString(Map.of("one", state.one(), "two", state.two()));
    }
}
