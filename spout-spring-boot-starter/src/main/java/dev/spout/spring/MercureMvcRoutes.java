package dev.spout.spring;

import dev.spout.engine.HttpStatusException;
import dev.spout.mercure.Mercure;
import dev.spout.servlet.ServletClientRequest;
import dev.spout.servlet.ServletSpout;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The hub's routes in a Spring MVC application: a {@code GET} of {@code /.well-known/mercure} streams through the
 * container's Spout engine, a {@code POST} publishes, and the metadata.
 *
 * <pre>{@code
 * // imported by SpoutMercureConfiguration in a servlet application
 * }</pre>
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({ServletSpout.class, RouterFunction.class})
class MercureMvcRoutes {
    private static final int MAX_BODY = 2 << 20;

    @Bean
    RouterFunction<ServerResponse> mercureRoutes(Mercure mercure, SpoutHandlers handlers) {
        return RouterFunctions.route()
                .GET(Mercure.PATH, handlers.subscribe(mercure::subscribe))
                .POST(Mercure.PATH, request -> publish(mercure, request))
                .GET(
                        Mercure.METADATA_PATH,
                        request -> ServerResponse.ok()
                                .body(mercure.metadata(new ServletClientRequest(request.servletRequest()))))
                .build();
    }

    private static ServerResponse publish(Mercure mercure, ServerRequest request) throws Exception {
        // The bytes as sent, read before anything asks the container for parameters: Spring rebuilds a form POST's
        // body from the container's parameters (re-encoded, reordered; a field went missing so in a test), and the
        // protocol reads repeated fields in their order
        byte[] body = request.servletRequest().getInputStream().readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            return ServerResponse.status(413)
                    .contentType(MediaType.TEXT_PLAIN)
                    .body("An update is at most " + MAX_BODY + " bytes");
        }
        try {
            String id = mercure.publish(
                    new ServletClientRequest(request.servletRequest()),
                    request.headers().contentType().map(MediaType::toString).orElse(null),
                    new String(body, java.nio.charset.StandardCharsets.UTF_8));
            return ServerResponse.ok().contentType(MediaType.TEXT_PLAIN).body(id);
        } catch (HttpStatusException refused) { // the protocol's refusal, its challenge headers included
            return ServerResponse.status(refused.status())
                    .headers(headers -> refused.headers().forEach(headers::set))
                    .contentType(MediaType.TEXT_PLAIN)
                    .body(refused.getMessage());
        }
    }
}
