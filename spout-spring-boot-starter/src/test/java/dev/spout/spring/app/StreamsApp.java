package dev.spout.spring.app;

import dev.spout.engine.auth.Access;
import dev.spout.engine.stream.SseHandler;
import dev.spout.engine.topic.Subscription;
import dev.spout.engine.topic.Topic;
import dev.spout.servlet.ServletSpout;
import dev.spout.spring.SpoutHandlers;
import dev.spout.sse.SseEvent;
import java.security.Principal;
import java.time.Duration;
import java.util.Optional;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * A Spring Boot application as a user writes one: topics as beans, controllers that return them, Spring Security
 * choosing per-user topics; nothing else of Spout's.
 */
@SpringBootApplication
public class StreamsApp {

    @Bean
    Topic news(ServletSpout spout) {
        return spout.topic("news", t -> t.history(100, Duration.ofMinutes(5)));
    }

    @Bean
    SecurityFilterChain security(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(requests -> requests.requestMatchers(HttpMethod.GET, "/me/**", "/clock")
                        .authenticated()
                        .anyRequest()
                        .permitAll())
                .httpBasic(Customizer.withDefaults())
                .formLogin(Customizer.withDefaults()) // a session, which its logout ends
                .csrf(csrf -> csrf.disable())
                .build();
    }

    @Bean
    InMemoryUserDetailsManager users() {
        return new InMemoryUserDetailsManager(
                User.withUsername("ann").password("{noop}ann-pw").roles("USER").build(),
                User.withUsername("bob").password("{noop}bob-pw").roles("USER").build());
    }

    @Bean
    RouterFunction<ServerResponse> functional(SpoutHandlers spout, Topic news, ServletSpout engine) {
        return RouterFunctions.route()
                .GET("/fn/news", spout.topic(news))
                .GET(
                        "/fn/rooms/{room}",
                        spout.subscribe(request -> Subscription.to(engine.topic(
                                "room/" + request.pathParameter("room").orElseThrow()))))
                .build();
    }

    @RestController
    public static class Streams {
        private final ServletSpout spout;
        private final Topic news;
        private final Topic vault;

        Streams(ServletSpout spout, Topic news) {
            this.spout = spout;
            this.news = news;
            this.vault = spout.topic("vault", t -> t.authorize(request -> Access.FORBIDDEN));
        }

        @GetMapping("/news")
        Topic news() {
            return news;
        }

        /** Publishes the body as an event of the type the query names: a type with a line break is refused. */
        @PostMapping("/news")
        String publish(@RequestParam String type, @RequestBody String body) {
            return news.publish(SseEvent.of(body).withEvent(type));
        }

        @GetMapping("/rooms/{room}")
        Subscription room(@PathVariable String room) {
            return room.equals("secret")
                    ? Subscription.refuse(Access.FORBIDDEN)
                    : Subscription.to(spout.topic("room/" + room));
        }

        /** The news and the vault, whose own authorizer refuses everyone: the whole stream is refused. */
        @GetMapping("/vault")
        Subscription vault() {
            return Subscription.to(news, vault);
        }

        /** Each user's own topic, chosen by Spring Security's authenticated user. */
        @GetMapping("/me/notifications")
        Subscription notifications(Principal user) {
            return Subscription.to(spout.topic("user/" + user.getName()));
        }

        @GetMapping("/clock")
        SseHandler clock(@RequestHeader("Last-Event-ID") Optional<String> lastEventId) {
            return sse -> {
                sse.send("user " + sse.request().user().orElse("-"));
                sse.send("virtual " + Thread.currentThread().isVirtual());
                sse.send("resumes after " + lastEventId.orElse("-"));
                Thread.sleep(Duration.ofMinutes(5));
            };
        }
    }
}
