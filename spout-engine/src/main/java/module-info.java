/**
 * Spout's engine: topics that encode each event once, exact {@code Last-Event-ID} replay (also across several topics
 * in one stream), heartbeats, slow-client bounds and fan-out, for whatever serves the streams. Its hosts are Spout's
 * own Jetty server ({@code spout-server}), any Servlet 6.1 container ({@code spout-servlet}) and Spring WebFlux
 * ({@code spout-webflux}). It needs no web server: Jetty's utility and I/O jars give it callbacks and buffers.
 */
module dev.spout.engine {
    requires transitive dev.spout.core;
    requires transitive dev.spout.broker;
    requires transitive org.eclipse.jetty.io;
    requires org.slf4j;

    exports dev.spout.engine;
    exports dev.spout.engine.auth;
    exports dev.spout.engine.stream;
    exports dev.spout.engine.topic;
    exports dev.spout.engine.host;
}
