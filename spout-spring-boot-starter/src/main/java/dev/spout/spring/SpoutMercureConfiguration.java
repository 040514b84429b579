package dev.spout.spring;

import dev.spout.engine.host.EngineFront;
import dev.spout.mercure.Mercure;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * A Mercure hub in a Spring Boot application, on the application's Spout engine: set {@code
 * spout.mercure.publisher-key} (and add dev.spout:spout-mercure) and the application answers publishers' {@code POST}s
 * and subscribers' {@code GET}s at {@code /.well-known/mercure}, with its metadata, as {@code spout-hub} does on Spout's
 * own server: with Spring MVC ({@link MercureMvcRoutes}) or WebFlux ({@link MercureFluxRoutes}). The {@link Mercure}
 * bean publishes from Java too.
 *
 * <pre>
 * spout.mercure.publisher-key=${MERCURE_PUBLISHER_JWT_KEY}
 * spout.mercure.subscriber-key=${MERCURE_SUBSCRIBER_JWT_KEY}
 * </pre>
 */
@AutoConfiguration(after = {SpoutAutoConfiguration.class, SpoutMvcConfiguration.class})
@ConditionalOnClass(Mercure.class)
@ConditionalOnWebApplication
@ConditionalOnProperty(prefix = "spout.mercure", name = "publisher-key")
@EnableConfigurationProperties(MercureProperties.class)
@Import({MercureMvcRoutes.class, MercureFluxRoutes.class})
public class SpoutMercureConfiguration {

    /** The hub, its log a topic of the application's engine (the container's, or WebFlux's). */
    @Bean
    public Mercure mercure(EngineFront spout, MercureProperties properties) {
        return Mercure.create(spout::topic, hub -> {
            hub.publisherKey(properties.getPublisherAlgorithm(), properties.getPublisherKey())
                    .anonymous(properties.isAnonymous())
                    .subscriptions(properties.isSubscriptions());
            if (properties.getSubscriberKey() != null) {
                hub.subscriberKey(properties.getSubscriberAlgorithm(), properties.getSubscriberKey());
            }
        });
    }
}
