/**
 * The engine's contract with its hosts: {@link dev.spout.engine.host.EngineHost} decides on each request for a
 * stream ({@link dev.spout.engine.host.Admission}), the host writes through a {@link
 * dev.spout.engine.host.StreamExchange} and reports to the {@link dev.spout.engine.host.HostedStream}; {@link
 * dev.spout.engine.host.EngineFront} is a front door's shared half. Spout's own server, {@code spout-servlet} and
 * {@code spout-webflux} are written on this package alone.
 */
@NullMarked
package dev.spout.engine.host;

import org.jspecify.annotations.NullMarked;
