/** The Server-Sent Events wire format: events, their encoder and the streaming parser. */
@NullMarked
package dev.spout.sse;

import org.jspecify.annotations.NullMarked;
