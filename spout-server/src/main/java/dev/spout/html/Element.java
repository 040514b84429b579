package dev.spout.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * An HTML element with attributes and children. Create with the factories of {@link Html}, or {@link
 * Html#element(String, Part...)} for any tag. Void elements such as {@code br} and {@code input} render without
 * children and without an end tag.
 *
 * <pre>{@code
 * Element clock = Html.element("time", Html.attr("datetime", now.toString()), Html.text(now.toString()));
 * }</pre>
 */
public record Element(String tag, List<Attribute> attributes, List<Node> children) implements Node {
    private static final Set<String> VOID = Set.of(
            "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr");

    public Element {
        Escaping.checkName(tag, "element");
        attributes = List.copyOf(attributes);
        children = List.copyOf(children);
        if (!children.isEmpty() && VOID.contains(tag)) {
            throw new IllegalArgumentException("<" + tag + "> is a void element and cannot have children");
        }
    }

    static Element of(String tag, Part... parts) {
        List<Attribute> attributes = new ArrayList<>();
        List<Node> children = new ArrayList<>();
        for (Part part : parts) {
            switch (part) {
                case Attribute attribute -> attributes.add(attribute);
                case Node node -> children.add(node);
            }
        }
        return new Element(tag, attributes, children);
    }

    /** This element with more attributes or children appended. */
    public Element with(Part... parts) {
        Element more = of(tag, parts);
        List<Attribute> allAttributes = new ArrayList<>(attributes);
        allAttributes.addAll(more.attributes);
        List<Node> allChildren = new ArrayList<>(children);
        allChildren.addAll(more.children);
        return new Element(tag, allAttributes, allChildren);
    }

    @Override
    public void renderTo(StringBuilder out) {
        out.append('<').append(tag);
        for (Attribute attribute : attributes) {
            attribute.renderTo(out);
        }
        out.append('>');
        if (VOID.contains(tag)) {
            return;
        }
        for (Node child : children) {
            child.renderTo(out);
        }
        out.append("</").append(tag).append('>');
    }
}
