package dev.spout.live;

import dev.spout.html.Node;
import dev.spout.sse.SseEvent;
import java.util.LinkedHashMap;
import java.util.Objects;

/**
 * An HTML patch the server sends down a stream: replace an element's contents or the element itself, append or
 * prepend to it, or remove it, by id. The HTML is built with the same escaping DSL as pages, so user text in a
 * patch stays text. A page with {@link Live#connect} applies patches by itself, without page JavaScript.
 *
 * <pre>{@code
 * chat.publish(Patch.append("messages", li(strong(text(from)), text(": " + message))).event());
 * sse.send(Patch.replaceInner("progress", text(percent + "%")).event());
 * }</pre>
 *
 * On the wire: {@code event: spout-patch} and {@code data: {"op":"append","target":"messages","html":"<li>…</li>"}}.
 *
 * @param op what to do
 * @param target the id of the element to patch
 * @param html the new markup (empty for {@link Op#REMOVE})
 */
public record Patch(Op op, String target, String html) {
    /** The SSE event type of patches. */
    public static final String EVENT = "spout-patch";

    /** What a patch does to its target. */
    public enum Op {
        INNER("inner"),
        OUTER("outer"),
        APPEND("append"),
        PREPEND("prepend"),
        REMOVE("remove");

        private final String wire;

        Op(String wire) {
            this.wire = wire;
        }
    }

    public Patch {
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(html, "html");
        if (target.isEmpty()) {
            throw new IllegalArgumentException("A patch needs the id of its target element");
        }
    }

    /** Replaces the contents of the element with this id. */
    public static Patch replaceInner(String id, Node html) {
        return new Patch(Op.INNER, id, html.render());
    }

    /** Replaces the element with this id, itself included. */
    public static Patch replaceOuter(String id, Node html) {
        return new Patch(Op.OUTER, id, html.render());
    }

    /** Appends to the contents of the element with this id. */
    public static Patch append(String id, Node html) {
        return new Patch(Op.APPEND, id, html.render());
    }

    /** Prepends to the contents of the element with this id. */
    public static Patch prepend(String id, Node html) {
        return new Patch(Op.PREPEND, id, html.render());
    }

    /** Removes the element with this id. */
    public static Patch remove(String id) {
        return new Patch(Op.REMOVE, id, "");
    }

    /** The patch as an event to send or publish. */
    public SseEvent event() {
        var fields = new LinkedHashMap<String, Object>();
        fields.put("op", op.wire);
        fields.put("target", target);
        fields.put("html", html);
        return SseEvent.of(Json.object(fields)).withEvent(EVENT);
    }
}
