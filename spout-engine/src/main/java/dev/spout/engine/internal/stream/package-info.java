/** Open event streams: admission, their sources (one topic, several, or their own messages), the write pump, checkpoints and the slow-client bound. Not exported. */
@NullMarked
package dev.spout.engine.internal.stream;

import org.jspecify.annotations.NullMarked;
