package dev.spout.spring;

import dev.spout.engine.HttpStatusException;
import dev.spout.mercure.Mercure;
import dev.spout.webflux.WebFluxClientRequest;
import dev.spout.webflux.WebFluxSpout;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The hub's routes in a Spring WebFlux application: a {@code GET} of {@code /.well-known/mercure} streams through
 * WebFlux's Spout engine, a {@code POST} publishes (off the event loop: a publish waits for the broker), and the
 * metadata.
 *
 * <pre>{@code
 * // imported by SpoutMercureConfiguration in a reactive application
 * }</pre>
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnClass({WebFluxSpout.class, RouterFunction.class})
class MercureFluxRoutes {

    @Bean
    RouterFunction<ServerResponse> mercureFluxRoutes(Mercure mercure, WebFluxSpout spout) {
        return RouterFunctions.route()
                .GET(Mercure.PATH, spout.subscriptionHandler(mercure::subscribe))
                .POST(Mercure.PATH, request -> publish(mercure, request))
                .GET(
                        Mercure.METADATA_PATH,
                        request -> ServerResponse.ok()
                                .bodyValue(mercure.metadata(new WebFluxClientRequest(request.exchange(), null))))
                .build();
    }

    private static Mono<ServerResponse> publish(Mercure mercure, ServerRequest request) {
        var client = new WebFluxClientRequest(request.exchange(), null);
        String type = request.headers().contentType().map(MediaType::toString).orElse(null);
        return request.bodyToMono(byte[].class)
                .defaultIfEmpty(new byte[0])
                .publishOn(Schedulers.boundedElastic())
                .flatMap(body -> {
                    try {
                        String id = mercure.publish(client, type, new String(body, StandardCharsets.UTF_8));
                        return ServerResponse.ok()
                                .contentType(MediaType.TEXT_PLAIN)
                                .bodyValue(id);
                    } catch (HttpStatusException refused) { // the protocol's refusal, its challenge headers included
                        return ServerResponse.status(refused.status())
                                .headers(headers -> refused.headers().forEach(headers::set))
                                .contentType(MediaType.TEXT_PLAIN)
                                .bodyValue(refused.getMessage());
                    }
                });
    }
}
