/** The Jetty server as the engine's host: its parts and routes. Not exported. */
@NullMarked
package dev.spout.server.internal;

import org.jspecify.annotations.NullMarked;
