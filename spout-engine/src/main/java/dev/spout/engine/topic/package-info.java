/** Topics: one stream of events for every client, with history and exact replay. */
@NullMarked
package dev.spout.engine.topic;

import org.jspecify.annotations.NullMarked;
