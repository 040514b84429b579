package dev.spout.spring;

import dev.spout.broker.Broker;
import dev.spout.micrometer.SpoutMetrics;
import dev.spout.servlet.ServletSpout;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;

/**
 * Spout in a Spring Boot servlet application, with no code: the engine ({@link ServletSpout}) from {@code spout.*}
 * properties, its broker (an application's {@link Broker} bean, else Redis from {@code spout.redis.uri}, else in
 * memory), a clean end of every stream before the web server stops, Spout's meters for Micrometer and a {@code
 * spout} health indicator when Actuator is there. Controllers then return Spout types ({@link SpoutMvcConfiguration}).
 *
 * <pre>{@code
 * @RestController
 * class News {
 *     private final Topic news;
 *     News(ServletSpout spout) { news = spout.topic("news"); }
 *     @GetMapping("/news") Topic stream() { return news; }
 * }
 * }</pre>
 */
@AutoConfiguration
@ConditionalOnClass(ServletSpout.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(SpoutProperties.class)
public class SpoutAutoConfiguration {

    /** The engine; its topics from {@code spout.topics[pattern]}. Closed by {@link SpoutLifecycle}, or at the end. */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public ServletSpout servletSpout(
            SpoutProperties properties, ObjectProvider<Broker> brokers, ResourceLoader resources) {
        Broker broker =
                brokers.getIfAvailable(() -> Brokers.fromProperties(properties.getRedis(), resources.getClassLoader()));
        ServletSpout spout = ServletSpout.create(options -> {
            properties.applyTo(options);
            if (broker != null) {
                options.broker(broker);
            }
        });
        properties.getTopics().forEach((pattern, topic) -> spout.topicPattern(pattern, topic::applyTo));
        return spout;
    }

    @Bean
    @ConditionalOnMissingBean
    public SpoutLifecycle spoutLifecycle(ServletSpout spout) {
        return new SpoutLifecycle(spout);
    }

    /** Spout's meters, bound by Spring Boot to every Micrometer registry (Actuator's among them). */
    @Bean
    @ConditionalOnClass(MeterBinder.class)
    @ConditionalOnMissingBean(SpoutMetrics.class)
    public SpoutMetrics spoutMetrics(ServletSpout spout) {
        return new SpoutMetrics(spout);
    }

    /** The broker's health under {@code /actuator/health}, as the {@code spout} component. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HealthIndicator.class)
    static class Health {
        @Bean
        @ConditionalOnMissingBean(name = "spoutHealthIndicator")
        public SpoutHealthIndicator spoutHealthIndicator(ServletSpout spout) {
            return new SpoutHealthIndicator(spout);
        }
    }
}
