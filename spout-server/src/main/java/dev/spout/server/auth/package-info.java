/** Who is asking: the request, its session and signed-in user, and the rules that admit it. */
@NullMarked
package dev.spout.server.auth;

import org.jspecify.annotations.NullMarked;
