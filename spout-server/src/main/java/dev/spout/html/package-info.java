/** An HTML DSL that escapes by default. */
@NullMarked
package dev.spout.html;

import org.jspecify.annotations.NullMarked;
