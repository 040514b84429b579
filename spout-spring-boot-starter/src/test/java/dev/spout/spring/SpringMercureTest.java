package dev.spout.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.spout.mercure.Mercure;
import dev.spout.testkit.Await;
import dev.spout.testkit.Refusal;
import dev.spout.testkit.SseTestClient;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A Mercure hub in a Spring MVC application, on Tomcat and on Jetty: publish, subscribe, private updates, refusals. */
class SpringMercureTest {
    static final Duration WAIT = Duration.ofSeconds(10);
    static final String KEY = "!ChangeThisMercureHubJWTSecretKey!";

    Running app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    static String token(Map<String, List<String>> mercure) throws Exception {
        var jwt = new SignedJWT(
                new JWSHeader(JWSAlgorithm.HS256),
                new JWTClaimsSet.Builder().claim("mercure", mercure).build());
        jwt.sign(new MACSigner(KEY.getBytes(StandardCharsets.UTF_8)));
        return jwt.serialize();
    }

    HttpResponse<String> publish(String token, String form) throws Exception {
        try (var http = HttpClient.newHttpClient()) {
            var request = HttpRequest.newBuilder(app.uri(Mercure.PATH))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form));
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    /** Spring MVC on Tomcat and on Jetty, and WebFlux on Reactor Netty. */
    enum Stack {
        TOMCAT,
        JETTY,
        WEBFLUX;

        Running start(String... properties) {
            if (this != WEBFLUX) {
                return (this == TOMCAT ? Server.TOMCAT : Server.JETTY).start(properties);
            }
            var all = new java.util.ArrayList<>(List.of(properties));
            all.add("spring.main.web-application-type=reactive");
            all.add(
                    "spring.autoconfigure.exclude="
                            + "org.springframework.boot.jetty.autoconfigure.reactive.JettyReactiveWebServerAutoConfiguration,"
                            + "org.springframework.boot.tomcat.autoconfigure.reactive.TomcatReactiveWebServerAutoConfiguration");
            return Running.start(new Class<?>[] {dev.spout.spring.fluxapp.FluxApp.class}, all.toArray(String[]::new));
        }
    }

    @ParameterizedTest
    @EnumSource(Stack.class)
    void theApplicationServesAHubAtTheWellKnownPath(Stack stack) throws Exception {
        app = stack.start(
                "spout.mercure.publisher-key=" + KEY,
                "spout.mercure.subscriber-key=" + KEY,
                "spout.mercure.anonymous=true");
        String publisher = token(Map.of("publish", List.of("*")));
        String granted = token(Map.of("subscribe", List.of("https://example.com/books/{id}")));
        try (var ann = SseTestClient.open(
                        app.uri(Mercure.PATH + "?topic=https%3A%2F%2Fexample.com%2Fbooks%2F%7Bid%7D"),
                        Map.of("Authorization", "Bearer " + granted));
                var anonymous = SseTestClient.open(app.uri(Mercure.PATH + "?match=*"))) {
            assertThat(ann.status()).isEqualTo(200);
            assertThat(anonymous.status()).isEqualTo(200);
            Await.value(
                    "subscribers",
                    () -> app.bean(dev.spout.engine.host.EngineFront.class)
                            .topic("mercure")
                            .subscribers(),
                    2);
            var secret = publish(publisher, "topic=https://example.com/books/1&data=secret&private=on");
            assertThat(secret.statusCode()).as(secret.body()).isEqualTo(200);
            var open = publish(publisher, "topic=https://example.com/books/2&data=open");
            assertThat(ann.next(2, WAIT))
                    .extracting(SseTestClient.Event::lastEventId)
                    .containsExactly(secret.body(), open.body());
            assertThat(anonymous.next(WAIT).lastEventId()).isEqualTo(open.body()); // never the private one
            assertThat(anonymous.pending()).isEmpty();
        }
        var refused = publish(null, "topic=t&data=d");
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(challenge -> assertThat(challenge).startsWith("Bearer realm=\"mercure\""));
        var subscriberToken = publish(token(Map.of("subscribe", List.of("*"))), "topic=t&data=d");
        assertThat(subscriberToken.statusCode()).isEqualTo(403);
        var badSelector = Refusal.of(app.uri(Mercure.PATH + "?matchRegexp=x"), Map.of());
        assertThat(badSelector.status()).isEqualTo(400);
    }
}
