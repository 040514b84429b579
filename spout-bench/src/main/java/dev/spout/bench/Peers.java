package dev.spout.bench;

import java.util.List;
import java.util.Map;

/**
 * Every stack the benchmark compares, in the report's order, and how each is written: every one the fastest way its
 * own documentation supports, with the same JVM flags ({@link Runner#SERVER_JVM}).
 */
final class Peers {
    private Peers() {}

    static final List<Peer> ALL = List.of(
            new Peer("spout", "Spout", Runner.ROOT.resolve("spout-bench/target/spout-bench.jar"), true),
            new Peer(
                    "hub",
                    "Spout's Mercure hub (updates by HTTP POST)",
                    Runner.ROOT.resolve("spout-bench/target/spout-bench.jar"),
                    true,
                    List.of("--hub"),
                    "/.well-known/mercure?match=t0"),
            new Peer(
                    "spring-spout",
                    "Spout in Spring Boot (Tomcat)",
                    Runner.ROOT.resolve("spout-bench/peers/spring-spout/target/bench-spring-spout.jar"),
                    false),
            new Peer(
                    "spring-spout-jetty",
                    "Spout in Spring Boot (Jetty)",
                    Runner.ROOT.resolve("spout-bench/peers/spring-spout/target/bench-spring-spout.jar"),
                    false,
                    List.of("--server", "jetty")),
            new Peer( // what Tomcat's socket buffers cost, beside spring-spout
                    "spring-spout-lean",
                    "Spout in Spring Boot (Tomcat, small socket buffers)",
                    Runner.ROOT.resolve("spout-bench/peers/spring-spout/target/bench-spring-spout.jar"),
                    false,
                    List.of("--tomcat-read-buffer", "1024", "--tomcat-write-buffer", "4096")),
            new Peer(
                    "jetty",
                    "Jetty 12 core (by hand)",
                    Runner.ROOT.resolve("spout-bench/peers/jetty/target/bench-jetty.jar"),
                    false),
            new Peer(
                    "javalin",
                    "Javalin 7",
                    Runner.ROOT.resolve("spout-bench/peers/javalin/target/bench-javalin.jar"),
                    false),
            new Peer(
                    "helidon",
                    "Helidon SE 4",
                    Runner.ROOT.resolve("spout-bench/peers/helidon/target/bench-helidon.jar"),
                    false),
            new Peer(
                    "webflux",
                    "Spring WebFlux (Boot 4)",
                    Runner.ROOT.resolve("spout-bench/peers/webflux/target/bench-webflux.jar"),
                    false),
            new Peer(
                    "sseemitter",
                    "Spring MVC SseEmitter (Tomcat)",
                    Runner.ROOT.resolve("spout-bench/peers/sseemitter/target/bench-sseemitter.jar"),
                    false),
            new Peer(
                    "vertx",
                    "Vert.x 5 (by hand)",
                    Runner.ROOT.resolve("spout-bench/peers/vertx/target/bench-vertx.jar"),
                    false),
            new Peer(
                    "rawnio",
                    "raw NIO floor",
                    Runner.ROOT.resolve("spout-bench/peers/rawnio/target/bench-rawnio.jar"),
                    false));

    /**
     * The peers that serve HTTPS ({@code --tls --keystore FILE}) and so run the TLS scenarios: Spout and the floor,
     * the measure being what encryption costs each against the other; the other peers need not serve TLS.
     */
    static final java.util.Set<String> TLS = java.util.Set.of("spout", "rawnio");

    /** How each peer is written, for the report: every one the fastest way its own documentation supports. */
    static final Map<String, String> HOW_WRITTEN = Map.ofEntries(
            Map.entry(
                    "spout",
                    "Spout's bench server: one topic, `Topic.publish` per event, encoded once and written to every subscriber"
                            + " without blocking (coalesced writes)."),
            Map.entry(
                    "hub",
                    "Spout's Mercure hub (`spout-hub`, `MercureHub` on Spout's server; anonymous subscribers on"
                            + " `/.well-known/mercure?match=t0`, each with its filter over the hub's log): the built-in"
                            + " publisher POSTs each update over loopback HTTP with a publisher's JWT (256 in flight),"
                            + " as a backend in any language would, so the figures include the HTTP publish and the"
                            + " token check."),
            Map.entry(
                    "spring-spout",
                    "Spout inside Spring Boot 4 on Tomcat, as spout-spring-boot-starter sets it up: one topic as a bean, a"
                            + " `@GetMapping` that returns it; Spout's engine writes through Servlet 6.1's non-blocking"
                            + " `WriteListener` (Tomcat's connection limit lifted, its accept queue 4,096 as on Spout's own server)."),
            Map.entry(
                    "spring-spout-jetty",
                    "The same Spring Boot application and jar as spring-spout, on Jetty 12 (ee11) instead of Tomcat"
                            + " (`spring-boot-starter-jetty`, Tomcat's auto-configuration excluded; Jetty's accept queue 4,096, as on"
                            + " Spout's own server): what the servlet container itself costs."),
            Map.entry(
                    "sseemitter",
                    "Spring MVC `SseEmitter` on Tomcat (Boot 4), without Spout, as the reference guide shows: the controller"
                            + " returns an emitter, the application sends to the open ones; `send` blocks, so each emitter's"
                            + " queue is drained by its own virtual thread and the publisher only enqueues (Tomcat's"
                            + " connection limit lifted, its accept queue 4,096 as on Spout's own server)."),
            Map.entry(
                    "jetty",
                    "Plain Jetty 12 core, by hand: a queue and an `IteratingCallback` per subscriber writing one event at a time,"
                            + " non-blocking; each event encoded once and its buffer shared."),
            Map.entry(
                    "javalin",
                    "Javalin 7 `SseClient`: `sendEvent` blocks, so each client's handler runs on its own virtual thread"
                            + " (`concurrency.useVirtualThreads`) and drains the client's queue; the publisher only enqueues."
                            + " (Its documented example sends to every client from one loop.)"),
            Map.entry(
                    "helidon",
                    "Helidon SE 4 `SseSink`: each request's handler (a virtual thread, Helidon's model) drains its"
                            + " subscriber's queue with the blocking `emit`; the publisher only enqueues one event object."),
            Map.entry(
                    "webflux",
                    "Spring WebFlux on Boot 4 (Reactor Netty): one `Sinks.many().multicast().directBestEffort()` of"
                            + " `ServerSentEvent`s, each response the sink's flux: non-blocking, as its reference guide shows."),
            Map.entry(
                    "vertx",
                    "Vert.x 5, by hand (no SSE API): one verticle instance per core, each with its clients on its own event"
                            + " loop; each event encoded once per loop and written to every chunked response, non-blocking."),
            Map.entry(
                    "rawnio",
                    "The floor: plain NIO on one thread, no framework; events published since the last turn of the loop are"
                            + " encoded once into one buffer and written to every socket without blocking (one write per socket"
                            + " per turn). Over TLS (`--tls`) an `SSLEngine` per client, by hand: the turn's buffer sealed for"
                            + " each subscriber by its own engine, then written the same way."),
            Map.entry(
                    "spring-spout-lean",
                    "spring-spout with Tomcat's NIO socket buffers made small by a `TomcatConnectorCustomizer`"
                            + " (`socket.appReadBufSize` 1,024, `socket.appWriteBufSize` 4,096; Tomcat's are 8,192 each):"
                            + " how much of Tomcat's memory per connection a setting can take back."));
}
