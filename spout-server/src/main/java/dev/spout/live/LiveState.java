package dev.spout.live;

import dev.spout.sse.SseEvent;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Named values the server sends down a stream; every element marked {@link Live#state(String)} with a name shows
 * that value (its text, or the value of an input or progress bar). For pages whose state is a few values, like the
 * seed's two toggles.
 *
 * <pre>{@code
 * sse.send(LiveState.of("one", true, "two", false).event());   // event: spout-state / data: {"one":true,"two":false}
 * }</pre>
 *
 * @param values the values by name: strings, finite numbers, booleans or null
 */
public record LiveState(Map<String, Object> values) {
    /** The SSE event type of state updates. */
    public static final String EVENT = "spout-state";

    public LiveState {
        var copy = new LinkedHashMap<String, Object>(values);
        copy.values().forEach(Json::check); // refuse what JSON cannot carry
        values = java.util.Collections.unmodifiableMap(copy);
    }

    public static LiveState of(String name, Object value) {
        var values = new LinkedHashMap<String, Object>();
        values.put(name, value);
        return new LiveState(values);
    }

    public static LiveState of(String name1, Object value1, String name2, Object value2) {
        var values = new LinkedHashMap<String, Object>();
        values.put(name1, value1);
        values.put(name2, value2);
        return new LiveState(values);
    }

    public static LiveState of(Map<String, ?> values) {
        return new LiveState(new LinkedHashMap<>(values));
    }

    /** The state as an event to send or publish. */
    public SseEvent event() {
        return SseEvent.of(Json.object(values)).withEvent(EVENT);
    }
}
