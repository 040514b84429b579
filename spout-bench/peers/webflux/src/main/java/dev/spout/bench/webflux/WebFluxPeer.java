package dev.spout.bench.webflux;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

import dev.spout.bench.common.Args;
import dev.spout.bench.common.Publisher;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * The benchmark job on Spring Boot 4 WebFlux, as its guides show a broadcast: one multicast sink of {@link
 * ServerSentEvent}s, each client's response the sink's flux.
 */
@SpringBootApplication(proxyBeanMethods = false)
public class WebFluxPeer {
    static final Sinks.Many<ServerSentEvent<String>> EVENTS = Sinks.many().multicast().directBestEffort();

    public static void main(String[] argv) {
        Args args = Args.options(argv);
        var application = new SpringApplication(WebFluxPeer.class);
        application.setDefaultProperties(Map.of(
                "server.port", args.integer("port", 8080), "spring.main.banner-mode", "off", "logging.level.root", "warn"));
        application.run();
        Publisher.start(args, (id, data) -> EVENTS.tryEmitNext(ServerSentEvent.builder(data).id(Long.toString(id)).build()));
        Publisher.ready();
    }

    @Bean
    RouterFunction<ServerResponse> sse() {
        Flux<ServerSentEvent<String>> events = EVENTS.asFlux();
        return route(GET("/sse"), request -> ServerResponse.ok()
                .contentType(MediaType.TEXT_EVENT_STREAM)
                .body(events, ServerSentEvent.class));
    }
}
