/** Live pages without JavaScript: attributes that bind elements to a stream, and the events that update them. */
@NullMarked
package dev.spout.live;

import org.jspecify.annotations.NullMarked;
