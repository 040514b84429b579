/**
 * Datastar's events and signals: {@link dev.spout.datastar.PatchElements}, {@link dev.spout.datastar.PatchSignals},
 * {@link dev.spout.datastar.ExecuteScript}, {@link dev.spout.datastar.Signals}.
 *
 * <p>Written here rather than on Datastar's Java SDK ({@code dev.data-star:datastar-java-sdk-core}): the SDK writes
 * its events to a response it owns, with ids of its own, while Spout's events must be values a topic encodes once and
 * numbers itself (ids that {@code Last-Event-ID} resumes from exactly, on any node). The format is a few data lines
 * per event (Datastar's SDK specification, {@code sdk/ADR.md}); the SDK's own test cases check it.
 */
@NullMarked
package dev.spout.datastar;

import org.jspecify.annotations.NullMarked;
