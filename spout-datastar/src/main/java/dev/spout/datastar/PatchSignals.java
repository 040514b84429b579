package dev.spout.datastar;

import dev.spout.sse.SseEvent;
import java.util.Objects;

/**
 * Datastar's {@code datastar-patch-signals} event: a JSON merge patch (RFC 7386) of the page's signals. A value adds
 * or updates a signal, {@code null} removes it, an object patches a nested one.
 *
 * <pre>{@code
 * sse.send(PatchSignals.of(Map.of("count", 3, "saving", false)).event());
 * sse.send(PatchSignals.json("{\"draft\": null}").event());          // removes the signal draft
 * sse.send(PatchSignals.of(defaults).ifMissing().event());           // sets only signals the page lacks
 * }</pre>
 *
 * On the wire: {@code event: datastar-patch-signals}, then {@code data: onlyIfMissing true} if so, then
 * {@code data: signals {"count":3,"saving":false}}, one {@code signals} line per line of the JSON.
 *
 * @param json the patch: a JSON object, as text (it may span lines)
 * @param onlyIfMissing whether the page sets only the signals it does not have yet
 */
public record PatchSignals(String json, boolean onlyIfMissing) {
    /** The SSE event type. */
    public static final String EVENT = "datastar-patch-signals";

    public PatchSignals {
        Objects.requireNonNull(json, "json");
        Signals.requireObject(json);
    }

    /**
     * The signals written as compact JSON by Jackson: a map, a record or any bean that writes as a JSON object.
     *
     * @throws IllegalArgumentException if it does not write as a JSON object
     */
    public static PatchSignals of(Object signals) {
        return new PatchSignals(Signals.write(signals), false);
    }

    /**
     * A patch written as JSON text, kept as it is (line breaks included).
     *
     * @throws IllegalArgumentException if the text is not a JSON object
     */
    public static PatchSignals json(String json) {
        return new PatchSignals(json, false);
    }

    /** This patch, setting only the signals the page does not have yet. */
    public PatchSignals ifMissing() {
        return new PatchSignals(json, true);
    }

    /** The event to send or publish. */
    public SseEvent event() {
        var data = new DataLines();
        if (onlyIfMissing) {
            data.line("onlyIfMissing", "true");
        }
        return data.lines("signals", json).event(EVENT);
    }
}
