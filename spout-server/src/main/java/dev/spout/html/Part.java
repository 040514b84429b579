package dev.spout.html;

/**
 * Anything that goes inside an element: a child {@link Node} or an {@link Attribute}. Element factories take
 * both in one argument list, so markup reads in order: {@code div(id("clock"), text("Now: "), span(...))}.
 */
public sealed interface Part permits Node, Attribute {}
