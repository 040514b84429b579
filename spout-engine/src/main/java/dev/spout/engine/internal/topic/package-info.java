/** Topics on one node: their shared entries, history, replay from a broker and fan-out to subscribers. Not exported. */
@NullMarked
package dev.spout.engine.internal.topic;

import org.jspecify.annotations.NullMarked;
