/** Event streams on Jetty: the stream endpoint and its exchange. Not exported. */
@NullMarked
package dev.spout.server.internal.stream;

import org.jspecify.annotations.NullMarked;
