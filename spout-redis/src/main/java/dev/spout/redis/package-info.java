/** Topics on Redis Streams, for several nodes. */
@NullMarked
package dev.spout.redis;

import org.jspecify.annotations.NullMarked;
