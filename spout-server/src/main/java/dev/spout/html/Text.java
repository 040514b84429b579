package dev.spout.html;

import java.util.Objects;

/**
 * Text, escaped when rendered: {@code <}, {@code >} and {@code &} can never become markup. Create with {@link
 * Html#text(String)}.
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
