/** Cases of the WHATWG event-stream format that every Spout encoder and parser is tested against. */
@NullMarked
package dev.spout.conformance;

import org.jspecify.annotations.NullMarked;
