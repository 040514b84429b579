/** Helpers for testing event streams for real. */
@NullMarked
package dev.spout.testkit;

import org.jspecify.annotations.NullMarked;
