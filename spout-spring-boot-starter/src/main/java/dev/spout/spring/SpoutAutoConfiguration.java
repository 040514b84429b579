package dev.spout.spring;

import dev.spout.broker.Broker;
import dev.spout.engine.HostedOptions;
import dev.spout.engine.SpoutEngine;
import dev.spout.servlet.ServletSpout;
import dev.spout.webflux.WebFluxSpout;
import jakarta.servlet.http.HttpSessionListener;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.ServletListenerRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;
import org.springframework.web.server.WebFilter;

/**
 * Spout in a Spring Boot web application, with no code: the engine from {@code spout.*} properties ({@link
 * ServletSpout} in a servlet application, on Tomcat or Jetty; {@link WebFluxSpout} in a reactive one), its broker (an application's {@link Broker} bean, else Redis from {@code spout.redis.uri}, else in
 * memory), a clean end of every stream before the web server stops, Spout's meters for Micrometer and a {@code
 * spout} health indicator when Actuator is there ({@link SpoutSupportConfiguration}). Spring MVC controllers then return
 * Spout types ({@link SpoutMvcConfiguration}); WebFlux controllers return {@code spout.events(exchange, topic)}.
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
@ConditionalOnWebApplication
@EnableConfigurationProperties(SpoutProperties.class)
public class SpoutAutoConfiguration {

    /** In a servlet application: the engine in the container, its topics from {@code spout.topics[pattern]}. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(ServletSpout.class)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    static class InServletContainer {
        /** Closed by {@link SpoutLifecycle}, or at the end. */
        @Bean(destroyMethod = "close")
        @ConditionalOnMissingBean(SpoutEngine.class)
        public ServletSpout servletSpout(
                SpoutProperties properties, ObjectProvider<Broker> brokers, ResourceLoader resources) {
            ServletSpout spout = ServletSpout.create(options -> configure(options, properties, brokers, resources));
            properties.getTopics().forEach((pattern, topic) -> spout.topicPattern(pattern, topic::applyTo));
            return spout;
        }

        /**
         * A session's streams end with the session: Spring Security's logout invalidates it, and the container
         * expires it.
         */
        @Bean
        @ConditionalOnMissingBean(name = "spoutSessionListener")
        public ServletListenerRegistrationBean<HttpSessionListener> spoutSessionListener(ServletSpout spout) {
            return new ServletListenerRegistrationBean<>(spout.sessionListener());
        }
    }

    /** In a reactive application (Spring WebFlux): the engine whose streams are a {@code Flux}. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(
            name = {"org.springframework.web.reactive.function.server.ServerResponse", "dev.spout.webflux.WebFluxSpout"
            })
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
    static class InWebFlux {
        /** Closed by {@link SpoutLifecycle}, or at the end. */
        @Bean(destroyMethod = "close")
        @ConditionalOnMissingBean(SpoutEngine.class)
        public WebFluxSpout webFluxSpout(
                SpoutProperties properties, ObjectProvider<Broker> brokers, ResourceLoader resources) {
            WebFluxSpout spout = WebFluxSpout.create(options -> configure(options, properties, brokers, resources));
            properties.getTopics().forEach((pattern, topic) -> spout.topicPattern(pattern, topic::applyTo));
            return spout;
        }

        /** A session's streams end when a request signs its user out (Spring Security's logout). */
        @Bean
        @ConditionalOnMissingBean(name = "spoutSessionEndFilter")
        public WebFilter spoutSessionEndFilter(WebFluxSpout spout) {
            return new SessionEndFilter(spout);
        }
    }

    /** The options from the properties, and the broker: an application's bean, else Redis, else in memory. */
    static void configure(
            HostedOptions options,
            SpoutProperties properties,
            ObjectProvider<Broker> brokers,
            ResourceLoader resources) {
        properties.applyTo(options);
        Broker broker =
                brokers.getIfAvailable(() -> Brokers.fromProperties(properties.getRedis(), resources.getClassLoader()));
        if (broker != null) {
            options.broker(broker);
        }
    }
}
