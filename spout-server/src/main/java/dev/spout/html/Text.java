package dev.spout.html;

import java.util.Objects;

/**
 * Text, escaped when rendered: {@code <}, {@code >} and {@code &} can never become markup. Create with {@link
 * Html#text(String)}.
 *
 * <pre>{@code
 * Html.p(Html.text("<b>not bold</b>")).render();   // <p>&lt;b&gt;not bold&lt;/b&gt;</p>
 * }</pre>
 */
public record Text(String value) implements Node {
    public Text {
        Objects.requireNonNull(value, "text");
    }

    @Override
    public void renderTo(StringBuilder out) {
        Escaping.text(value, out);
    }
}
