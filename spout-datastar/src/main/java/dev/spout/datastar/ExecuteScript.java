package dev.spout.datastar;

import dev.spout.sse.SseEvent;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Runs a script in the page: Datastar's script helper, a {@code datastar-patch-elements} event that appends a
 * {@code <script>} to the body, which removes itself after it runs (unless asked not to).
 *
 * <pre>{@code
 * sse.send(ExecuteScript.of("console.log('saved')").event());
 * sse.send(ExecuteScript.of("import('/chart.js').then(c => c.draw())")
 *         .withAttribute("type", "module")
 *         .event());
 * }</pre>
 *
 * On the wire: {@code data: mode append}, {@code data: selector body},
 * {@code data: elements <script data-effect="el.remove()">console.log('saved')</script>}.
 *
 * @param script the JavaScript, which may span lines; it must not contain {@code </script}, which would end the
 *     element early (write {@code <\/script} inside a string)
 * @param attributes the script element's attributes, in order
 * @param autoRemove whether the element removes itself once it has run
 */
public record ExecuteScript(String script, Map<String, String> attributes, boolean autoRemove) {
    public ExecuteScript {
        Objects.requireNonNull(script, "script");
        int end = script.toLowerCase(Locale.ROOT).indexOf("</script");
        if (end >= 0) {
            throw new IllegalArgumentException("A script must not contain \"</script\" (at index " + end
                    + "), which would end its element early; write \"<\\/script\" inside a string");
        }
        attributes.forEach((name, value) -> {
            Objects.requireNonNull(value, "the value of attribute " + name);
            if (!name.matches("[A-Za-z_:][-A-Za-z0-9_:.]*")) {
                throw new IllegalArgumentException("Not an attribute name: \"" + DataLines.abbreviate(name) + "\"");
            }
        });
        attributes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    /** The script, in an element without attributes that removes itself once it has run. */
    public static ExecuteScript of(String script) {
        return new ExecuteScript(script, Map.of(), true);
    }

    /** This script with one more attribute (after those it has), its value escaped. */
    public ExecuteScript withAttribute(String name, String value) {
        var more = new LinkedHashMap<>(attributes);
        more.put(name, value);
        return new ExecuteScript(script, more, autoRemove);
    }

    /** This script, its element kept in the page (or removed) once it has run. */
    public ExecuteScript withAutoRemove(boolean autoRemove) {
        return new ExecuteScript(script, attributes, autoRemove);
    }

    /** The patch that appends the script to the body. */
    public PatchElements patch() {
        var element = new StringBuilder(script.length() + 64).append("<script");
        attributes.forEach((name, value) -> attribute(element, name, value));
        if (autoRemove) {
            attribute(element, "data-effect", "el.remove()");
        }
        element.append('>').append(script).append("</script>");
        return PatchElements.of(element.toString()).into("body", PatchElements.Mode.APPEND);
    }

    /** The event to send or publish. */
    public SseEvent event() {
        return patch().event();
    }

    private static void attribute(StringBuilder element, String name, String value) {
        element.append(' ').append(name).append("=\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> element.append("&amp;");
                case '"' -> element.append("&quot;");
                case '<' -> element.append("&lt;");
                case '>' -> element.append("&gt;");
                default -> element.append(c);
            }
        }
        element.append('"');
    }
}
