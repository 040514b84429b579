package dev.spout.html;

/**
 * Anything that goes inside an element: a child {@link Node} or an {@link Attribute}. Element factories take
 * both in one argument list, so markup reads in order.
 *
 * <pre>{@code
 * Element clock = div(id("clock"), classes("big"), text("Now: "), span(id("time")));
 * }</pre>
 */
public sealed interface Part permits Node, Attribute {}
