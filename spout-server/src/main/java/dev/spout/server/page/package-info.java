/** Pages and ajax: what a page renders and the server code its elements call. */
@NullMarked
package dev.spout.server.page;

import org.jspecify.annotations.NullMarked;
