/** Who is asking: the request a stream opens with, and the rules that admit it. */
@NullMarked
package dev.spout.engine.auth;

import org.jspecify.annotations.NullMarked;
