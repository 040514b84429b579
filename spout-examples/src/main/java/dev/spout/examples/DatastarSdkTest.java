package dev.spout.examples;

import dev.spout.datastar.ExecuteScript;
import dev.spout.datastar.PatchElements;
import dev.spout.datastar.PatchSignals;
import dev.spout.datastar.Signals;
import dev.spout.engine.HttpStatusException;
import dev.spout.server.Routes;
import dev.spout.server.http.HttpResponse;
import dev.spout.sse.SseEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The endpoint Datastar's SDK test runner drives ({@code sdk/tests} in the Datastar repository): a request's signals
 * hold {@code {"events": [...]}}, each one event to send ({@code patchElements}, {@code patchSignals},
 * {@code executeScript}) with its options; the answer is those events in order, then the end. {@code GET} carries the
 * signals in the {@code datastar} query parameter, {@code POST} in its JSON body, as Datastar sends them.
 *
 * <pre>{@code
 * curl -G 'http://localhost:8080/datastar/test' \
 *      --data-urlencode 'datastar={"events":[{"type":"patchElements","elements":"<div id=\"a\">1</div>"}]}'
 * }</pre>
 */
final class DatastarSdkTest {
    /** Datastar's reconnection delay, which its SDKs leave unsaid. */
    private static final long DEFAULT_RETRY_MILLIS = 1000;

    private DatastarSdkTest() {}

    static void define(Routes routes) {
        routes.get(
                "/test",
                request -> answer(request.queryParameter("datastar")
                        .orElseThrow(
                                () -> new HttpStatusException(400, "A GET carries its signals in ?datastar={...}"))));
        routes.post("/test", request -> answer(request.text()));
    }

    private static HttpResponse answer(String signals) {
        try {
            return HttpResponse.events(events(signals));
        } catch (IllegalArgumentException bad) { // signals that are not a test case (InvalidSignalsException too)
            throw new HttpStatusException(400, bad.getMessage(), bad);
        }
    }

    /** The events a test case asks for, as Spout events. */
    static List<SseEvent> events(String signals) {
        if (!(Signals.read(signals).get("events") instanceof List<?> asked)) {
            throw new IllegalArgumentException("The signals hold no \"events\" array");
        }
        var events = new ArrayList<SseEvent>(asked.size());
        for (Object each : asked) {
            if (!(each instanceof Map<?, ?> options)) {
                throw new IllegalArgumentException("Each of \"events\" is an object, got " + each);
            }
            events.add(withIdAndRetry(event(options), options));
        }
        return events;
    }

    private static SseEvent event(Map<?, ?> options) {
        String type = string(options, "type", "");
        return switch (type) {
            case "patchElements" -> {
                var patch = new PatchElements(
                        string(options, "elements", ""),
                        options.get("selector") instanceof String selector ? selector : null,
                        mode(string(options, "mode", "outer")),
                        Boolean.TRUE.equals(options.get("useViewTransition")),
                        PatchElements.Namespace.HTML);
                yield patch.event();
            }
            case "patchSignals" -> {
                var patch = options.get("signals-raw") instanceof String raw
                        ? PatchSignals.json(raw)
                        : PatchSignals.of(options.get("signals") == null ? Map.of() : options.get("signals"));
                yield (Boolean.TRUE.equals(options.get("onlyIfMissing")) ? patch.ifMissing() : patch).event();
            }
            case "executeScript" -> {
                var script = ExecuteScript.of(string(options, "script", ""))
                        .withAutoRemove(!Boolean.FALSE.equals(options.get("autoRemove")));
                if (options.get("attributes") instanceof Map<?, ?> attributes) {
                    for (var attribute : attributes.entrySet()) {
                        script = script.withAttribute(
                                String.valueOf(attribute.getKey()), String.valueOf(attribute.getValue()));
                    }
                }
                yield script.event();
            }
            default ->
                throw new IllegalArgumentException(
                        "Unknown event type \"" + type + "\": patchElements, patchSignals or executeScript");
        };
    }

    private static SseEvent withIdAndRetry(SseEvent event, Map<?, ?> options) {
        if (options.get("eventId") instanceof String id) {
            event = event.withId(id);
        }
        if (options.get("retryDuration") instanceof Number millis && millis.longValue() != DEFAULT_RETRY_MILLIS) {
            event = event.withRetry(Duration.ofMillis(millis.longValue()));
        }
        return event;
    }

    private static PatchElements.Mode mode(String wire) {
        for (PatchElements.Mode mode : PatchElements.Mode.values()) {
            if (mode.wire().equals(wire)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("Unknown mode \"" + wire + "\": one of outer, inner, replace, prepend,"
                + " append, before, after, remove");
    }

    private static String string(Map<?, ?> options, String name, String otherwise) {
        Object value = options.get(name);
        return value == null ? otherwise : String.valueOf(value);
    }
}
