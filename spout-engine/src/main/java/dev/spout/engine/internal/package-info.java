/** The engine's assembly: topics, streams and their settings put together for a host. Not exported. */
@NullMarked
package dev.spout.engine.internal;

import org.jspecify.annotations.NullMarked;
