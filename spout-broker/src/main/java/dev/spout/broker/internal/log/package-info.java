/** Spout's logging, behind SLF4J when it is there and the JDK's System.Logger when it is not. */
@NullMarked
package dev.spout.broker.internal.log;

import org.jspecify.annotations.NullMarked;
