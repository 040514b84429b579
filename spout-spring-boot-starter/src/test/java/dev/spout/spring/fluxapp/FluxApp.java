package dev.spout.spring.fluxapp;

import dev.spout.engine.auth.Access;
import dev.spout.engine.topic.Subscription;
import dev.spout.engine.topic.Topic;
import dev.spout.webflux.WebFluxSpout;
import java.time.Duration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.userdetails.MapReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;

/**
 * A Spring WebFlux application as a user writes one: topics as beans, controllers that return a topic's or a
 * subscription's {@code Flux<ServerSentEvent<String>>}, Spring Security choosing per-user topics.
 */
@SpringBootApplication
public class FluxApp {

    @Bean
    Topic news(WebFluxSpout spout) {
        return spout.topic("news", t -> t.history(100, Duration.ofMinutes(5)));
    }

    @Bean
    SecurityWebFilterChain security(ServerHttpSecurity http) {
        return http.authorizeExchange(exchanges -> exchanges
                        .pathMatchers(HttpMethod.GET, "/me/**")
                        .authenticated()
                        .anyExchange()
                        .permitAll())
                .httpBasic(Customizer.withDefaults())
                .formLogin(Customizer.withDefaults()) // a session, which its logout ends
                .csrf(csrf -> csrf.disable())
                .build();
    }

    @Bean
    MapReactiveUserDetailsService users() {
        return new MapReactiveUserDetailsService(
                User.withUsername("ann").password("{noop}ann-pw").roles("USER").build(),
                User.withUsername("bob").password("{noop}bob-pw").roles("USER").build());
    }

    @Bean
    RouterFunction<ServerResponse> functional(WebFluxSpout spout, Topic news) {
        return RouterFunctions.route().GET("/fn/news", spout.handler(news)).build();
    }

    @RestController
    public static class Streams {
        private final WebFluxSpout spout;
        private final Topic news;
        private final Topic vault;

        Streams(WebFluxSpout spout, Topic news) {
            this.spout = spout;
            this.news = news;
            this.vault = spout.topic("vault", t -> t.authorize(request -> Access.FORBIDDEN));
        }

        @GetMapping(path = "/news", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
        Flux<ServerSentEvent<String>> news(ServerWebExchange exchange) {
            return spout.events(exchange, news);
        }

        /** The Flux is WebFlux's like any other: here each event's data is shouted. */
        @GetMapping(path = "/loud/news", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
        Flux<ServerSentEvent<String>> loudNews(ServerWebExchange exchange) {
            return spout.events(exchange, news).map(event -> {
                if (event.data() == null || event.id() == null) {
                    return event; // a comment (the opening one, heartbeats)
                }
                return ServerSentEvent.builder(event.data().toUpperCase())
                        .id(event.id())
                        .build();
            });
        }

        @GetMapping(path = "/rooms/{room}", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
        Flux<ServerSentEvent<String>> room(ServerWebExchange exchange, @PathVariable String room) {
            return spout.events(
                    exchange,
                    room.equals("secret")
                            ? Subscription.refuse(Access.FORBIDDEN)
                            : Subscription.to(spout.topic("room/" + room)));
        }

        /** The news and the vault, whose own authorizer refuses everyone: the whole stream is refused. */
        @GetMapping(path = "/vault", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
        Flux<ServerSentEvent<String>> vault(ServerWebExchange exchange) {
            return spout.events(exchange, Subscription.to(news, vault));
        }

        /** Each user's own topic, chosen from Spring Security's authenticated user. */
        @GetMapping(path = "/me/notifications", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
        Flux<ServerSentEvent<String>> notifications(ServerWebExchange exchange) {
            return spout.subscribe(
                    exchange,
                    request -> request.user()
                            .<Subscription>map(user -> Subscription.to(spout.topic("user/" + user)))
                            .orElse(Subscription.refuse(Access.UNAUTHORIZED)));
        }
    }
}
