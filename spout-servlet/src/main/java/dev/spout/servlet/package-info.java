/**
 * Spout in a Servlet container: {@link dev.spout.servlet.ServletSpout} (the engine, its topics and the streams it
 * answers requests with) and {@link dev.spout.servlet.ServletClientRequest} (a stream's request).
 */
@NullMarked
package dev.spout.servlet;

import org.jspecify.annotations.NullMarked;
