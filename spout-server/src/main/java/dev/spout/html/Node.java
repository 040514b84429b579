package dev.spout.html;

/**
 * A piece of an HTML document: an element, escaped text, trusted markup or a fragment of several nodes. Nodes are
 * immutable values; {@link #render()} produces the markup.
 *
 * <pre>{@code
 * Node clock = Html.div(Html.text("Time: "), Html.span(Html.id("display")));
 * clock.render();   // <div>Time: <span id="display"></span></div>
 * }</pre>
 */
public sealed interface Node extends Part permits Element, Text, TrustedHtml, Fragment {

    /** Appends this node's markup to {@code out}. */
    void renderTo(StringBuilder out);

    /** This node's markup. */
    default String render() {
        var out = new StringBuilder(128);
        renderTo(out);
        return out.toString();
    }
}
