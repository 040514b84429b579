package dev.spout.html;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A small DSL for HTML that escapes by default. Import its methods statically and write markup as nested calls;
 * text and attribute values are always escaped, and the only way to insert markup verbatim is the deliberately
 * named {@link #trustedHtml(String)}.
 *
 * <pre>{@code
 * import static dev.spout.html.Html.*;
 *
 * Node page = div(id("one"), attr("style", "border-color: blue;"), text(userInput));
 * }</pre>
 */
public final class Html {
    private Html() {}

    /** Escaped text. */
    public static Text text(String text) {
        return new Text(text);
    }

    /** Markup inserted verbatim. Never pass text that a user controls. */
    public static TrustedHtml trustedHtml(String markup) {
        return new TrustedHtml(markup);
    }

    /** Nodes side by side without an enclosing element. */
    public static Fragment fragment(Node... nodes) {
        return new Fragment(List.of(nodes));
    }

    /** Any element. */
    public static Element element(String tag, Part... parts) {
        return Element.of(tag, parts);
    }

    /** An attribute; a null value makes a boolean attribute. */
    public static Attribute attr(String name, @Nullable String value) {
        return new Attribute(name, value);
    }

    public static Attribute id(String id) {
        return new Attribute("id", id);
    }

    /** The {@code class} attribute. */
    public static Attribute classes(String classes) {
        return new Attribute("class", classes);
    }

    public static Attribute style(String css) {
        return new Attribute("style", css);
    }

    /** A link target; a URL with an unsafe scheme ({@code javascript:} and the like) becomes a dead link. */
    public static Attribute href(String url) {
        return new Attribute("href", url);
    }

    /**
     * A URL attribute kept as given whatever its scheme, for a URL the application wrote itself (a {@code
     * javascript:} bookmarklet, say). Never pass a URL that a user controls.
     */
    public static Attribute trustedUrl(String name, String url) {
        return new Attribute(name, Objects.requireNonNull(url, "url"), true);
    }

    /** A {@code data-*} attribute. */
    public static Attribute data(String name, String value) {
        return new Attribute("data-" + name, value);
    }

    public static Element div(Part... parts) {
        return Element.of("div", parts);
    }

    public static Element span(Part... parts) {
        return Element.of("span", parts);
    }

    public static Element p(Part... parts) {
        return Element.of("p", parts);
    }

    public static Element a(Part... parts) {
        return Element.of("a", parts);
    }

    public static Element h1(Part... parts) {
        return Element.of("h1", parts);
    }

    public static Element h2(Part... parts) {
        return Element.of("h2", parts);
    }

    public static Element h3(Part... parts) {
        return Element.of("h3", parts);
    }

    public static Element ul(Part... parts) {
        return Element.of("ul", parts);
    }

    public static Element ol(Part... parts) {
        return Element.of("ol", parts);
    }

    public static Element dl(Part... parts) {
        return Element.of("dl", parts);
    }

    public static Element li(Part... parts) {
        return Element.of("li", parts);
    }

    public static Element button(Part... parts) {
        return Element.of("button", parts);
    }

    public static Element form(Part... parts) {
        return Element.of("form", parts);
    }

    public static Element input(Part... parts) {
        return Element.of("input", parts);
    }

    public static Element label(Part... parts) {
        return Element.of("label", parts);
    }

    public static Element table(Part... parts) {
        return Element.of("table", parts);
    }

    public static Element tr(Part... parts) {
        return Element.of("tr", parts);
    }

    public static Element th(Part... parts) {
        return Element.of("th", parts);
    }

    public static Element td(Part... parts) {
        return Element.of("td", parts);
    }

    public static Element pre(Part... parts) {
        return Element.of("pre", parts);
    }

    public static Element code(Part... parts) {
        return Element.of("code", parts);
    }

    public static Element strong(Part... parts) {
        return Element.of("strong", parts);
    }

    public static Element em(Part... parts) {
        return Element.of("em", parts);
    }

    public static Element section(Part... parts) {
        return Element.of("section", parts);
    }

    public static Element main(Part... parts) {
        return Element.of("main", parts);
    }

    public static Element nav(Part... parts) {
        return Element.of("nav", parts);
    }

    public static Element header(Part... parts) {
        return Element.of("header", parts);
    }

    public static Element footer(Part... parts) {
        return Element.of("footer", parts);
    }

    public static Element img(Part... parts) {
        return Element.of("img", parts);
    }

    public static Element br() {
        return Element.of("br");
    }

    public static Element hr() {
        return Element.of("hr");
    }
}
