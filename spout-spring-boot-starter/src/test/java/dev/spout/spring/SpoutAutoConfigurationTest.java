package dev.spout.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spout.broker.Broker;
import dev.spout.broker.BrokerTopic;
import dev.spout.broker.MemoryBroker;
import dev.spout.broker.TopicLog;
import dev.spout.engine.SpoutEngine;
import dev.spout.micrometer.SpoutMetrics;
import dev.spout.servlet.ServletSpout;
import dev.spout.webflux.WebFluxSpout;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.ServletListenerRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.server.WebFilter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every conditional bean of the starter, with Spring Boot's context runners: which beans each kind of application
 * gets, and that each backs off when the application declares its own (an engine, a broker, a named bean).
 */
class SpoutAutoConfigurationTest {
    private static final AutoConfigurations SPOUT = AutoConfigurations.of(
            SpoutAutoConfiguration.class,
            SpoutSupportConfiguration.class,
            SpoutMvcConfiguration.class,
            SpoutMercureConfiguration.class);

    private final WebApplicationContextRunner servlet = new WebApplicationContextRunner().withConfiguration(SPOUT);
    private final ReactiveWebApplicationContextRunner reactive =
            new ReactiveWebApplicationContextRunner().withConfiguration(SPOUT);

    @Test
    void aServletApplicationGetsTheContainersEngineAndEverythingAroundIt() {
        servlet.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).hasSingleBean(ServletSpout.class).doesNotHaveBean(WebFluxSpout.class);
            assertThat(context).hasSingleBean(SpoutLifecycle.class).hasSingleBean(SpoutMetrics.class);
            assertThat(context).hasBean("spoutSessionListener").hasBean("spoutHealthIndicator");
            assertThat(context).hasSingleBean(SpoutHandlers.class);
            assertThat(context).getBean("spoutReturnValues").isInstanceOf(WebMvcConfigurer.class);
        });
    }

    @Test
    void aMercureHubOnlyWhereAPublisherKeyIsSetAndItsKeysAreUsable() {
        servlet.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(dev.spout.mercure.Mercure.class));
        servlet.withPropertyValues("spout.mercure.publisher-key=secret", "spout.mercure.anonymous=true")
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(dev.spout.mercure.Mercure.class);
                    assertThat(context).hasBean("mercureRoutes").doesNotHaveBean("mercureFluxRoutes");
                });
        servlet.withPropertyValues("spout.mercure.publisher-key=secret") // neither a subscriber key nor anonymous
                .run(context -> assertThat(context)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("Subscribers need a way in"));
        reactive.withPropertyValues("spout.mercure.publisher-key=secret", "spout.mercure.anonymous=true")
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(dev.spout.mercure.Mercure.class);
                    assertThat(context).hasBean("mercureFluxRoutes").doesNotHaveBean("mercureRoutes");
                });
    }

    @Test
    void aReactiveApplicationGetsTheWebFluxEngineAndItsSessionEndFilter() {
        reactive.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).hasSingleBean(WebFluxSpout.class).doesNotHaveBean(ServletSpout.class);
            assertThat(context).getBean("spoutSessionEndFilter").isInstanceOf(WebFilter.class);
            assertThat(context).doesNotHaveBean("spoutSessionListener").doesNotHaveBean("spoutReturnValues");
            assertThat(context).hasSingleBean(SpoutLifecycle.class).hasSingleBean(SpoutMetrics.class);
        });
    }

    @Test
    void anApplicationThatIsNoWebApplicationGetsNoEngine() {
        new ApplicationContextRunner().withConfiguration(SPOUT).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(SpoutEngine.class).doesNotHaveBean(SpoutLifecycle.class);
        });
    }

    @Test
    void withoutSpoutServletOnTheClassPathAServletApplicationGetsNoEngine() {
        servlet.withClassLoader(new FilteredClassLoader(ServletSpout.class)).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(SpoutEngine.class).doesNotHaveBean("spoutReturnValues");
        });
    }

    @Test
    void anApplicationsOwnEngineIsTheOneUsed() {
        servlet.withUserConfiguration(OwnEngine.class).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).hasSingleBean(SpoutEngine.class);
            assertThat(context.getBean(SpoutEngine.class)).isSameAs(context.getBean("ownEngine"));
            assertThat(context.getBean(SpoutLifecycle.class)).isNotNull();
        });
    }

    @Test
    void anApplicationsOwnBrokerIsUsedEvenWithARedisUriSet() {
        // An unreachable Redis: were the application's broker ignored, connecting to it would fail the start.
        servlet.withUserConfiguration(OwnBroker.class)
                .withPropertyValues("spout.redis.uri=redis://127.0.0.1:1")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    context.getBean(SpoutEngine.class).topic("news").publish("hello");
                    assertThat(context.getBean(RecordingBroker.class).attached).contains("news");
                });
    }

    @Test
    void namedBeansOfTheApplicationReplaceTheStartersOwn() {
        servlet.withUserConfiguration(OwnNamedBeans.class).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean("spoutSessionListener", ServletListenerRegistrationBean.class)
                            .getListener())
                    .as("the application's registration, without Spout's listener")
                    .isNull();
            assertThat(context).getBean("spoutHealthIndicator").isNotInstanceOf(SpoutHealthIndicator.class);
        });
        reactive.withUserConfiguration(OwnFilter.class).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).getBean("spoutSessionEndFilter").isSameAs(OwnFilter.FILTER);
        });
    }

    @Test
    void propertiesReachTheEngine() {
        servlet.withPropertyValues("spout.topics[news/*].history-events=3").run(context -> {
            assertThat(context).hasNotFailed();
            SpoutEngine spout = context.getBean(SpoutEngine.class);
            var topic = spout.topic("news/today");
            for (int i = 0; i < 5; i++) {
                topic.publish("event " + i);
            }
            assertThat(topic.stats().retained()).isEqualTo(3);
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnEngine {
        @Bean(destroyMethod = "close")
        ServletSpout ownEngine() {
            return ServletSpout.create(options -> {});
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnBroker {
        @Bean
        RecordingBroker recordingBroker() {
            return new RecordingBroker();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnNamedBeans {
        @Bean
        ServletListenerRegistrationBean<?> spoutSessionListener() {
            return new ServletListenerRegistrationBean<>();
        }

        @Bean
        HealthIndicator spoutHealthIndicator() {
            return () -> Health.up().withDetail("own", true).build();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnFilter {
        static final WebFilter FILTER = (exchange, chain) -> chain.filter(exchange);

        @Bean
        WebFilter spoutSessionEndFilter() {
            return FILTER;
        }
    }

    /** The in-memory broker, telling which topics the engine attached. */
    static final class RecordingBroker implements Broker {
        final List<String> attached = new CopyOnWriteArrayList<>();
        private final MemoryBroker memory = new MemoryBroker();

        @Override
        public BrokerTopic attach(String topic, TopicLog log) {
            attached.add(topic);
            return memory.attach(topic, log);
        }

        @Override
        public void close() {
            memory.close();
        }
    }
}
