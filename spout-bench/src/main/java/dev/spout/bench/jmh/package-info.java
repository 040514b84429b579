/** JMH micro-benchmarks of the encoder and of fan-out to many subscribers. */
@NullMarked
package dev.spout.bench.jmh;

import org.jspecify.annotations.NullMarked;
