package dev.spout.examples.spring;

import dev.spout.engine.topic.Topic;
import dev.spout.servlet.ServletSpout;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * The seed's two examples and per-user notifications, as a Spring Boot application: controllers that return Spout's
 * types, static pages with a few lines of {@code EventSource} each, Spring Security for who is who. Spout comes from
 * one dependency, spout-spring-boot-starter; its settings are in application.properties.
 *
 * <pre>
 * java -jar spout-examples-spring/target/spout-spring-example.jar      # http://localhost:8080/
 * </pre>
 */
@SpringBootApplication
public class SpringExample {

    /** Each box click is published here; a browser that connects gets the latest state first. */
    @Bean
    Topic toggles(ServletSpout spout) {
        return spout.topic("toggles", topic -> topic.initialReplay(1));
    }

    public static void main(String[] args) {
        SpringApplication.run(SpringExample.class, args);
    }
}
