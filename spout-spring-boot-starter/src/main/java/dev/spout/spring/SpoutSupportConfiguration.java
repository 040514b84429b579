package dev.spout.spring;

import dev.spout.engine.SpoutEngine;
import dev.spout.micrometer.SpoutMetrics;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What goes around an application's engine, whoever declared it ({@link SpoutAutoConfiguration} or the application):
 * a clean end of every stream before the web server stops, Spout's meters for Micrometer, the broker's health under
 * {@code /actuator/health}, and a {@code 400} for an event Spout cannot send ({@link InvalidEventAdvice}). An auto-configuration of its own, after the engine's, so that it sees whether there
 * is an engine at all: a servlet application with only spout-webflux on its class path has none, and starts without
 * these beans rather than failing for want of one.
 *
 * <pre>{@code
 * // application.properties: nothing to set; with Actuator, GET /actuator/health shows the "spout" component
 * }</pre>
 */
@AutoConfiguration(after = SpoutAutoConfiguration.class)
@ConditionalOnBean(SpoutEngine.class)
public class SpoutSupportConfiguration {

    /** Ends every stream cleanly before the web server stops. */
    @Bean
    @ConditionalOnMissingBean
    public SpoutLifecycle spoutLifecycle(SpoutEngine spout) {
        return new SpoutLifecycle(spout);
    }

    /** Spout's meters, bound by Spring Boot to every Micrometer registry (Actuator's among them). */
    @Bean
    @ConditionalOnClass(MeterBinder.class)
    @ConditionalOnMissingBean(SpoutMetrics.class)
    public SpoutMetrics spoutMetrics(SpoutEngine spout) {
        return new SpoutMetrics(spout);
    }

    /** A {@code 400} with a problem detail for an event Spout cannot send, rather than a bare {@code 500}. */
    @Bean
    @ConditionalOnMissingBean
    public InvalidEventAdvice spoutInvalidEventAdvice() {
        return new InvalidEventAdvice();
    }

    /** The broker's health under {@code /actuator/health}, as the {@code spout} component. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HealthIndicator.class)
    static class Health {
        @Bean
        @ConditionalOnMissingBean(name = "spoutHealthIndicator")
        public SpoutHealthIndicator spoutHealthIndicator(SpoutEngine spout) {
            return new SpoutHealthIndicator(spout);
        }
    }
}
