package dev.spout.datastar;

import dev.spout.sse.SseEvent;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Datastar's {@code datastar-patch-elements} event: HTML elements morphed into the page (by their ids, or at a CSS
 * selector), inserted beside or inside a target, or the target removed. Make the HTML with Spout's escaping DSL
 * ({@code Node.render()}) so user text stays text; send the {@link #event()} down a handler's stream or publish it to
 * a topic (encoded once for every subscriber, numbered by the topic so a reconnecting page resumes exactly).
 *
 * <pre>{@code
 * chat.publish(PatchElements.of(li(text(from + ": " + message)).render())
 *         .into("#messages", PatchElements.Mode.APPEND)
 *         .event());
 * sse.send(PatchElements.remove("#spinner").event());
 * }</pre>
 *
 * On the wire (only what differs from Datastar's defaults: mode {@code outer}, no view transition):
 * {@code event: datastar-patch-elements}, {@code data: selector #messages}, {@code data: mode append},
 * {@code data: elements <li>…</li>}.
 *
 * @param elements the elements, one or more complete HTML elements (may span lines); empty only to remove by selector
 * @param selector the CSS selector of the target, or null to target each element's id
 * @param mode how the elements are patched into the target
 * @param useViewTransition whether the browser runs the patch in a view transition
 * @param namespace the namespace the elements are parsed in: HTML, or SVG or MathML elements patched on their own
 */
public record PatchElements(
        String elements, @Nullable String selector, Mode mode, boolean useViewTransition, Namespace namespace) {
    /** The SSE event type. */
    public static final String EVENT = "datastar-patch-elements";

    /** How elements are patched into the page (Datastar's {@code ElementPatchMode}). */
    public enum Mode {
        /** Morph the target with the element, itself included (Datastar's default). */
        OUTER("outer"),
        /** Morph the target's contents. */
        INNER("inner"),
        /** Replace the target, without morphing (its state is reset). */
        REPLACE("replace"),
        /** Insert at the start of the target's contents. */
        PREPEND("prepend"),
        /** Insert at the end of the target's contents. */
        APPEND("append"),
        /** Insert before the target. */
        BEFORE("before"),
        /** Insert after the target. */
        AFTER("after"),
        /** Remove the target. */
        REMOVE("remove");

        private final String wire;

        Mode(String wire) {
            this.wire = wire;
        }

        /** The mode's name on the wire. */
        public String wire() {
            return wire;
        }
    }

    /** The namespace Datastar parses a patch's elements in. */
    public enum Namespace {
        /** HTML elements (Datastar's default). */
        HTML("html"),
        /** SVG elements, such as a {@code <circle>} patched into an {@code <svg>}. */
        SVG("svg"),
        /** MathML elements. */
        MATHML("mathml");

        private final String wire;

        Namespace(String wire) {
            this.wire = wire;
        }

        /** The namespace's name on the wire. */
        public String wire() {
            return wire;
        }
    }

    public PatchElements {
        Objects.requireNonNull(elements, "elements");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(namespace, "namespace");
        if (selector != null && selector.isBlank()) {
            throw new IllegalArgumentException(
                    "A Datastar selector must not be blank (null targets the elements' ids)");
        }
        if (elements.isEmpty() && (mode != Mode.REMOVE || selector == null)) {
            throw new IllegalArgumentException(
                    "A Datastar patch needs elements, unless it removes by selector (PatchElements.remove)");
        }
    }

    /** The elements, morphed into the page by their ids (each top-level element needs one). */
    public static PatchElements of(String elements) {
        return new PatchElements(elements, null, Mode.OUTER, false, Namespace.HTML);
    }

    /** Removes the elements the CSS selector matches. */
    public static PatchElements remove(String selector) {
        return new PatchElements("", selector, Mode.REMOVE, false, Namespace.HTML);
    }

    /** This patch aimed at the CSS selector's target, patched in this way. */
    public PatchElements into(String selector, Mode mode) {
        return new PatchElements(elements, selector, mode, useViewTransition, namespace);
    }

    /** This patch patched in this way. */
    public PatchElements withMode(Mode mode) {
        return new PatchElements(elements, selector, mode, useViewTransition, namespace);
    }

    /** This patch run in a view transition (or not). */
    public PatchElements withViewTransition(boolean useViewTransition) {
        return new PatchElements(elements, selector, mode, useViewTransition, namespace);
    }

    /** This patch's elements parsed in another namespace (SVG or MathML elements patched on their own). */
    public PatchElements in(Namespace namespace) {
        return new PatchElements(elements, selector, mode, useViewTransition, namespace);
    }

    /**
     * The event to send or publish. Give it an id ({@code withId}) only on a handler's stream; a topic numbers its
     * events itself.
     *
     * @throws IllegalArgumentException if the selector spans lines
     */
    public SseEvent event() {
        var data = new DataLines();
        if (selector != null) {
            data.line("selector", selector);
        }
        if (mode != Mode.OUTER) {
            data.line("mode", mode.wire);
        }
        if (useViewTransition) {
            data.line("useViewTransition", "true");
        }
        if (namespace != Namespace.HTML) {
            data.line("namespace", namespace.wire);
        }
        if (!elements.isEmpty()) {
            data.lines("elements", elements);
        }
        return data.event(EVENT);
    }
}
