/**
 * A Mercure hub on Spout's engine: {@link dev.spout.hub.MercureHub} on a Spout application, or {@link
 * dev.spout.hub.HubCommand} on its own.
 */
@NullMarked
package dev.spout.hub;

import org.jspecify.annotations.NullMarked;
