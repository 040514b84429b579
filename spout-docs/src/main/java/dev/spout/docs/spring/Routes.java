package dev.spout.docs.spring;

// snippet:spring-routes
import dev.spout.engine.topic.Topic;
import dev.spout.spring.SpoutHandlers;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;
// snippet:end

@org.springframework.context.annotation.Configuration
class Routes {
    // snippet:spring-routes
    @Bean
    RouterFunction<ServerResponse> routes(SpoutHandlers spout, Topic news) {
        return RouterFunctions.route().GET("/news", spout.topic(news)).build();
    }
    // snippet:end
}
