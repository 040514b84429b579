package dev.spout.examples.spring;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;

/**
 * Who is who: two demonstration users with their passwords in plain sight (ann/ann, bob/bob) and Spring Security's
 * login form. The clock and the toggles are for everyone; the notifications for signed-in users, and so are
 * Actuator's metrics and health details (anyone may ask whether the application is up, as a load balancer does). The
 * pages' posts carry Spring Security's CSRF token, which they ask {@code /csrf} for. Signing out ({@code POST
 * /logout}) ends the user's open streams too: the starter ends a session's streams with the session.
 */
@Configuration
class Users {
    static final List<String> NAMES = List.of("ann", "bob");

    @Bean
    InMemoryUserDetailsManager demoUsers() {
        return new InMemoryUserDetailsManager(NAMES.stream()
                .map(name -> User.withUsername(name)
                        .password("{noop}" + name)
                        .roles("USER")
                        .build())
                .toList());
    }

    @Bean
    SecurityFilterChain security(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/notifications.html", "/notifications", "/notifications/**", "/me")
                        .authenticated()
                        .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**")
                        .permitAll()
                        .requestMatchers("/actuator/**")
                        .authenticated()
                        .anyRequest()
                        .permitAll())
                .formLogin(login -> login.defaultSuccessUrl("/notifications.html", false))
                // The pages read the token from /csrf and send it back in its header.
                .csrf(csrf -> csrf.csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler()))
                .build();
    }
}
