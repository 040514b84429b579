/** An EventSource for Java on {@code java.net.http}. */
@NullMarked
package dev.spout.client;

import org.jspecify.annotations.NullMarked;
