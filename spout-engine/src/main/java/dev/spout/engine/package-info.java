/** The engine's front: {@link dev.spout.engine.SpoutEngine}, what every host offers, its options and counters. */
@NullMarked
package dev.spout.engine;

import org.jspecify.annotations.NullMarked;
