package dev.spout.html;

import java.util.Objects;

/**
 * An attribute of an element. The value is escaped when rendered; the name must be a plain attribute name (letters,
 * digits, {@code - _ : .}), so neither can break out of the tag. A null value renders a boolean attribute, as in
 * {@code <input disabled>}.
 *
 * <pre>{@code
 * Html.button(Html.attr("type", "submit"), Html.attr("disabled", null), Html.text("Save"))
 * }</pre>
 */
public record Attribute(String name, String value) implements Part {
    public Attribute {
        Escaping.checkName(name, "attribute");
    }

    void renderTo(StringBuilder out) {
        out.append(' ').append(name);
        if (value != null) {
            out.append("=\"");
            Escaping.attribute(value, out);
            out.append('"');
        }
    }

    /** The same attribute with another value. */
    public Attribute withValue(String value) {
        return new Attribute(name, Objects.requireNonNull(value, "value"));
    }
}
