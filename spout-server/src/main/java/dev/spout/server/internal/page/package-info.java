/** Live pages: rendering, their script and their ajax calls. Not exported. */
@NullMarked
package dev.spout.server.internal.page;

import org.jspecify.annotations.NullMarked;
