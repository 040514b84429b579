/** Per-client event streams: the handler, the stream it writes to, and how a stream ends. */
@NullMarked
package dev.spout.engine.stream;

import org.jspecify.annotations.NullMarked;
