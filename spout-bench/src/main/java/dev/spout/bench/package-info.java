/** The benchmark: its server, load generator, scenarios, runner and reports. */
@NullMarked
package dev.spout.bench;

import org.jspecify.annotations.NullMarked;
