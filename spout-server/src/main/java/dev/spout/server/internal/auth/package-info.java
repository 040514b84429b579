/** Sessions and the server's view of a client's request. Not exported. */
@NullMarked
package dev.spout.server.internal.auth;

import org.jspecify.annotations.NullMarked;
