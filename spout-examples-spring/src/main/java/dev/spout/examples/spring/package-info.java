/** The Spring Boot example: the clock, the toggles and notifications on the starter. */
@NullMarked
package dev.spout.examples.spring;

import org.jspecify.annotations.NullMarked;
