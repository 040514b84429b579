/** Event streams on Spring WebFlux: admission, the exchange and session ends. Not exported. */
@NullMarked
package dev.spout.webflux.internal;

import org.jspecify.annotations.NullMarked;
