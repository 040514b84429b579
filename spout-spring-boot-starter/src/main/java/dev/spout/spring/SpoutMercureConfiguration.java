package dev.spout.spring;

import dev.spout.engine.HttpStatusException;
import dev.spout.mercure.Mercure;
import dev.spout.servlet.ServletClientRequest;
import dev.spout.servlet.ServletSpout;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * A Mercure hub in a Spring MVC application, on the application's Spout engine: set {@code
 * spout.mercure.publisher-key} (and add dev.spout:spout-mercure) and the application answers publishers' {@code POST}s
 * and subscribers' {@code GET}s at {@code /.well-known/mercure}, with its metadata, as {@code spout-hub} does on Spout's
 * own server. The {@link Mercure} bean publishes from Java too, and is what a controller of the application's own
 * returns streams from.
 *
 * <pre>
 * spout.mercure.publisher-key=${MERCURE_PUBLISHER_JWT_KEY}
 * spout.mercure.subscriber-key=${MERCURE_SUBSCRIBER_JWT_KEY}
 * </pre>
 */
@AutoConfiguration(after = {SpoutAutoConfiguration.class, SpoutMvcConfiguration.class})
@ConditionalOnClass({Mercure.class, ServletSpout.class, RouterFunction.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnProperty(prefix = "spout.mercure", name = "publisher-key")
@EnableConfigurationProperties(MercureProperties.class)
public class SpoutMercureConfiguration {
    private static final int MAX_BODY = 2 << 20;

    /** The hub, its log a topic of the application's engine. */
    @Bean
    public Mercure mercure(ServletSpout spout, MercureProperties properties) {
        return Mercure.create(spout::topic, hub -> {
            hub.publisherKey(properties.getPublisherAlgorithm(), properties.getPublisherKey())
                    .anonymous(properties.isAnonymous())
                    .subscriptions(properties.isSubscriptions());
            if (properties.getSubscriberKey() != null) {
                hub.subscriberKey(properties.getSubscriberAlgorithm(), properties.getSubscriberKey());
            }
        });
    }

    /** Publishing and subscribing at {@code /.well-known/mercure}, and the hub's metadata. */
    @Bean
    public RouterFunction<ServerResponse> mercureRoutes(Mercure mercure, SpoutHandlers handlers) {
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
        // body from the container's parameters (re-encoded, reordered; a field went missing so in this test), and the
        // protocol reads repeated fields in their order
        byte[] body = request.servletRequest().getInputStream().readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            return ServerResponse.status(413)
                    .contentType(MediaType.TEXT_PLAIN)
                    .body("An update is at most " + MAX_BODY + " bytes");
        }
        var client = new ServletClientRequest(request.servletRequest());
        try {
            String id = mercure.publish(
                    client,
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
