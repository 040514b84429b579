package dev.spout.html;

import java.util.Objects;

/**
 * Markup inserted exactly as given, without escaping. Only for HTML the application wrote itself or sanitized:
 * never for text that came from a user. Create with {@link Html#trustedHtml(String)}, a name meant to be seen in
 * review.
 */
public record TrustedHtml(String markup) implements Node {
    public TrustedHtml {
        Objects.requireNonNull(markup, "markup");
    }

    @Override
    public void renderTo(StringBuilder out) {
        out.append(markup);
    }
}
