/**
 * Spout for Spring WebFlux: {@link dev.spout.webflux.WebFluxSpout} (the engine, its topics, and a request's stream
 * of them as a {@code Flux<ServerSentEvent<String>>}) and {@link dev.spout.webflux.WebFluxClientRequest} (a
 * stream's request, as authorizers and subscription handlers see it).
 */
@NullMarked
package dev.spout.webflux;

import org.jspecify.annotations.NullMarked;
