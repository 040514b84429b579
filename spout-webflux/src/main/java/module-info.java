/**
 * Spout's topics and subscriptions for Spring WebFlux: a {@code Flux<ServerSentEvent<String>>} of a topic, with
 * replay from {@code Last-Event-ID}, heartbeats and slow-client bounds, on Spout's own engine. Start at {@link
 * dev.spout.webflux.WebFluxSpout}.
 */
module dev.spout.webflux {
    requires transitive dev.spout.engine;
    requires transitive spring.webflux;
    requires transitive spring.web;
    requires transitive reactor.core;
    requires transitive org.reactivestreams;
    requires spring.core;
    requires static reactor.netty.core; // to cut off a stalled client on WebFlux's default server
    requires org.slf4j;

    exports dev.spout.webflux;
}
