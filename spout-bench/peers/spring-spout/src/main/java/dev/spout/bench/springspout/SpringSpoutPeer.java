package dev.spout.bench.springspout;

import dev.spout.bench.common.Args;
import dev.spout.bench.common.Publisher;
import dev.spout.server.topic.Topic;
import dev.spout.servlet.ServletSpout;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The benchmark job as a Spring Boot application with spout-spring-boot-starter writes it: one topic as a bean, a
 * controller that returns it, on Tomcat. Tomcat's connection limit is lifted (8,192 by default) so the limit
 * measured is the stack's, as for every peer.
 */
@SpringBootApplication(proxyBeanMethods = false)
public class SpringSpoutPeer {

    public static void main(String[] argv) {
        Args args = Args.options(argv);
        var application = new SpringApplication(SpringSpoutPeer.class);
        application.setDefaultProperties(Map.of(
                "server.port", args.integer("port", 8080),
                "server.tomcat.max-connections", 100_000, // Spring Boot applies only a positive limit
                "spring.main.banner-mode", "off",
                "logging.level.root", "warn"));
        ConfigurableApplicationContext context = application.run();
        Topic events = context.getBean(Topic.class);
        Publisher.start(args, (id, data) -> events.publish(data));
        Publisher.ready();
    }

    @Bean
    Topic events(ServletSpout spout) {
        return spout.topic("events");
    }

    @RestController
    static class Events {
        private final Topic events;

        Events(Topic events) {
            this.events = events;
        }

        @GetMapping("/sse")
        Topic sse() {
            return events;
        }
    }
}
