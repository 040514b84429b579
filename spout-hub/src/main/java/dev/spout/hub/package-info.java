/**
 * A Mercure hub on Spout's own server: {@link dev.spout.hub.MercureHub} on a Spout application, or {@link
 * dev.spout.hub.HubCommand} on its own. The protocol itself is {@code spout-mercure}'s.
 */
@NullMarked
package dev.spout.hub;

import org.jspecify.annotations.NullMarked;
