/** The examples and the demo, on Spout's own server. */
@NullMarked
package dev.spout.examples;

import org.jspecify.annotations.NullMarked;
