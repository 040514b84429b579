package dev.spout.html;

import java.util.List;

/**
 * Several nodes side by side, without an enclosing element. Create with {@link Html#fragment(Node...)}.
 *
 * <pre>{@code
 * Node both = Html.fragment(Html.h1(Html.text("Title")), Html.p(Html.text("Body")));
 * }</pre>
 */
public record Fragment(List<Node> nodes) implements Node {
    public Fragment {
        nodes = List.copyOf(nodes);
    }

    @Override
    public void renderTo(StringBuilder out) {
        for (Node node : nodes) {
            node.renderTo(out);
        }
    }
}
