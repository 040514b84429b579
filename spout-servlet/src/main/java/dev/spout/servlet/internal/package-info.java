/** Event streams in a Servlet container: admission, the async exchange and session ends. Not exported. */
@NullMarked
package dev.spout.servlet.internal;

import org.jspecify.annotations.NullMarked;
