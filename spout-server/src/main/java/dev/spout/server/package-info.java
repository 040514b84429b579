/** The front door: {@link dev.spout.server.Spout}, its options and routes, and its counters. */
@NullMarked
package dev.spout.server;

import org.jspecify.annotations.NullMarked;
