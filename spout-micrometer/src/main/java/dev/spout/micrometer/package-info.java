/** Spout's counters as Micrometer meters. */
@NullMarked
package dev.spout.micrometer;

import org.jspecify.annotations.NullMarked;
