package dev.spout.spring;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** A Spring Boot application started for real, on an ephemeral loopback port. */
record Running(ConfigurableApplicationContext context, int port) implements AutoCloseable {

    static Running start(Class<?>[] sources, String... properties) {
        var all = new ArrayList<>(List.of(
                "server.port=0", "server.address=127.0.0.1", "spring.main.banner-mode=off", "logging.level.root=warn"));
        all.addAll(List.of(properties));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(sources)
                .properties(all.toArray(String[]::new))
                .run();
        int port = Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
        return new Running(context, port);
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
