package dev.spout.html;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An attribute of an element. The value is escaped when rendered; the name must be a plain attribute name (letters,
 * digits, {@code - _ : .}), so neither can break out of the tag. A null value renders a boolean attribute, as in
 * {@code <input disabled>}.
 *
 * <p>A URL attribute ({@code href}, {@code src}, {@code action}, {@code formaction} and the like) may only name a
 * relative URL or an {@code http}, {@code https}, {@code mailto} or {@code tel} one: any other scheme, {@code
 * javascript:} above all, would run code of whoever chose the URL, so its value is replaced by {@value
 * #BLOCKED_URL}. A URL the application wrote itself and means to keep goes through {@link Html#trustedUrl}.
 *
 * <pre>{@code
 * Html.button(Html.attr("type", "submit"), Html.attr("disabled", null), Html.text("Save"))
 * Html.a(Html.href(profile.website()), Html.text("Website"))   // "javascript:..." renders as about:invalid
 * }</pre>
 *
 * @param name the attribute's name
 * @param value its value, or null for a boolean attribute
 * @param trustedUrl whether a URL value is kept whatever its scheme (see {@link Html#trustedUrl})
 */
public record Attribute(String name, @Nullable String value, boolean trustedUrl) implements Part {
    /** What an unsafe URL attribute value is replaced with: a URL that goes nowhere. */
    public static final String BLOCKED_URL = "about:invalid#spout-blocked-url";

    private static final Set<String> URL_ATTRIBUTES = Set.of(
            "href",
            "src",
            "action",
            "formaction",
            "xlink:href",
            "poster",
            "cite",
            "background",
            "data",
            "codebase",
            "longdesc",
            "manifest",
            "ping",
            "icon");
    private static final Set<String> SAFE_SCHEMES = Set.of("http", "https", "mailto", "tel");

    public Attribute {
        Escaping.checkName(name, "attribute");
        if (!trustedUrl && value != null && URL_ATTRIBUTES.contains(name.toLowerCase(Locale.ROOT)) && !safeUrl(value)) {
            value = BLOCKED_URL;
        }
    }

    /** An attribute whose URL value, if it is one, must have a safe scheme. */
    public Attribute(String name, @Nullable String value) {
        this(name, value, false);
    }

    void renderTo(StringBuilder out) {
        out.append(' ').append(name);
        if (value != null) {
            out.append("=\"");
            Escaping.attribute(value, out);
            out.append('"');
        }
    }

    /** The same attribute with another value (checked as a new one). */
    public Attribute withValue(String value) {
        return new Attribute(name, Objects.requireNonNull(value, "value"));
    }

    /**
     * Whether a URL is relative or has a safe scheme, read as a browser reads it: leading and trailing spaces and
     * control characters dropped, tabs and line breaks inside ignored, the scheme case-insensitive.
     */
    static boolean safeUrl(String url) {
        var scheme = new StringBuilder();
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c == '\t' || c == '\n' || c == '\r' || (scheme.isEmpty() && c <= ' ')) {
                continue;
            }
            if (c == ':') {
                return SAFE_SCHEMES.contains(scheme.toString().toLowerCase(Locale.ROOT));
            }
            boolean schemeChar = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (!scheme.isEmpty() && ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.'));
            if (!schemeChar) {
                return true; // a '/', '?', '#' or other character before any ':': a relative URL
            }
            scheme.append(c);
        }
        return true; // no ':' at all: relative
    }
}
