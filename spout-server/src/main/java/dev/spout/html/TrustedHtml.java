package dev.spout.html;

import java.util.Objects;

/**
 * Markup inserted exactly as given, without escaping. Only for HTML the application wrote itself or sanitized:
 * never for text that came from a user. Create with {@link Html#trustedHtml(String)}, a name meant to be seen in
 * review.
 *
 * <pre>{@code
 * Node icon = Html.trustedHtml("<svg viewBox='0 0 8 8'><circle cx='4' cy='4' r='3'/></svg>");
 * }</pre>
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
