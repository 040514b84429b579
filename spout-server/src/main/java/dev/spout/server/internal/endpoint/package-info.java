/** Plain HTTP endpoints and static files. Not exported. */
@NullMarked
package dev.spout.server.internal.endpoint;

import org.jspecify.annotations.NullMarked;
