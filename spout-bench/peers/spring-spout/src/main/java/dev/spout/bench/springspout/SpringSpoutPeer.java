package dev.spout.bench.springspout;

import dev.spout.bench.common.Args;
import dev.spout.bench.common.Publisher;
import dev.spout.engine.topic.Topic;
import dev.spout.servlet.ServletSpout;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.jetty.server.ServerConnector;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.jetty.servlet.JettyServletWebServerFactory;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The benchmark job as a Spring Boot application with spout-spring-boot-starter writes it: one topic as a bean, a
 * controller that returns it, on Tomcat (or on Jetty: {@code --server jetty}). Tomcat's connection limit is lifted
 * (8,192 by default) so the limit measured is the stack's, as for every peer. {@code --tomcat-read-buffer} and
 * {@code --tomcat-write-buffer} set Tomcat's socket buffers (the {@code spring-spout-lean} peer).
 */
@SpringBootApplication(proxyBeanMethods = false)
public class SpringSpoutPeer {
    private static final String TOMCAT =
            "org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration";
    private static final String JETTY =
            "org.springframework.boot.jetty.autoconfigure.servlet.JettyServletWebServerAutoConfiguration";

    public static void main(String[] argv) {
        Args args = Args.options(argv);
        var application = new SpringApplication(SpringSpoutPeer.class);
        var properties = new HashMap<String, Object>(Map.of(
                "server.port", args.integer("port", 8080),
                "server.tomcat.max-connections", 100_000, // Spring Boot applies only a positive limit
                "server.tomcat.accept-count", 4096, // the accept queue of Spout's own server, not Tomcat's 100
                "spout.max-streams-per-address", Integer.MAX_VALUE, // every stream from a few loopback addresses
                "spring.main.banner-mode", "off",
                "logging.level.root", "warn"));
        // Both servers are in the jar, and Spring Boot would pick Jetty: the other one's auto-configuration is
        // excluded, so the server is the one asked for. Jetty's connection limit is off by default.
        boolean jetty = switch (args.string("server", "tomcat")) {
            case "tomcat" -> false;
            case "jetty" -> true;
            default -> throw new IllegalArgumentException("--server is tomcat or jetty");
        };
        properties.put("spring.autoconfigure.exclude", jetty ? TOMCAT : JETTY);
        application.setDefaultProperties(properties);
        if (!jetty && args.options().containsKey("tomcat-read-buffer")) {
            TomcatConnectorCustomizer buffers = smallSocketBuffers(
                    args.integer("tomcat-read-buffer", 8192), args.integer("tomcat-write-buffer", 8192));
            application.addInitializers(
                    context -> context.getBeanFactory().registerSingleton("smallSocketBuffers", buffers));
        }
        ConfigurableApplicationContext context = application.run();
        Topic events = context.getBean(Topic.class);
        Publisher.start(args, (id, data) -> events.publish(data));
        Publisher.ready();
    }

    /**
     * On Jetty, the accept queue of Spout's own server too (Jetty's connector takes the JVM's default of 50, and
     * Spring Boot has no property for it): so a burst of connections is queued, not refused, on every peer.
     */
    @Bean
    WebServerFactoryCustomizer<JettyServletWebServerFactory> jettyAcceptQueue() {
        return factory -> factory.addServerCustomizers(server -> {
            for (var connector : server.getConnectors()) {
                if (connector instanceof ServerConnector serverConnector) {
                    serverConnector.setAcceptQueueSize(4096);
                }
            }
        });
    }

    /**
     * Tomcat's NIO read and write buffers per connection ({@code socket.appReadBufSize}, {@code
     * socket.appWriteBufSize}, 8,192 bytes each by default; Spring Boot has no property for them): the {@code
     * spring-spout-lean} peer measures what making them small takes back from an idle stream's memory.
     */
    static TomcatConnectorCustomizer smallSocketBuffers(int read, int write) {
        return connector -> {
            connector.setProperty("socket.appReadBufSize", Integer.toString(read));
            connector.setProperty("socket.appWriteBufSize", Integer.toString(write));
        };
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
