/** The Spring snippets of the README and docs/spring.md, in classes Spring would run. */
@NullMarked
package dev.spout.docs.spring;

import org.jspecify.annotations.NullMarked;
