package dev.spout.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spout.servlet.ServletSpout;
import dev.spout.testkit.Await;
import dev.spout.testkit.SseTestClient;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The Spring Boot example as the security review probed it: Actuator tells a stranger whether the application is up
 * and nothing more, and a user who signs out no longer gets notes on the stream she had open.
 */
class SpringExampleSecurityTest {
    static final Duration WAIT = Duration.ofSeconds(10);
    static final Pattern FORM_TOKEN = Pattern.compile("name=\"_csrf\" type=\"hidden\" value=\"([^\"]+)\"");
    static final Pattern JSON_TOKEN = Pattern.compile("\"token\":\"([^\"]+)\"");

    ConfigurableApplicationContext app;
    String base;

    @BeforeEach
    void start() {
        app = new SpringApplicationBuilder(SpringExample.class)
                .properties("server.port=0", "server.address=127.0.0.1", "spring.main.banner-mode=off")
                .run();
        base = "http://127.0.0.1:" + app.getEnvironment().getRequiredProperty("local.server.port");
    }

    @AfterEach
    void stop() {
        app.close();
    }

    static HttpClient browser() {
        return HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    HttpResponse<String> get(HttpClient client, String path) throws Exception {
        return client.send(
                HttpRequest.newBuilder(URI.create(base + path)).timeout(WAIT).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(HttpClient client, String path, String form, String token) throws Exception {
        return client.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .timeout(WAIT)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("X-CSRF-TOKEN", token)
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Signs in with Spring Security's form, as a browser does. */
    void signIn(HttpClient client, String user) throws Exception {
        var form = FORM_TOKEN.matcher(get(client, "/login").body());
        assertThat(form.find()).as("the login form's CSRF token").isTrue();
        var signedIn = post(client, "/login", "username=" + user + "&password=" + user, form.group(1));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
    }

    @Test
    void actuatorTellsAStrangerOnlyWhetherTheApplicationIsUp() throws Exception {
        try (var stranger = browser();
                var ann = browser()) {
            var health = get(stranger, "/actuator/health");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"UP\"").doesNotContain("components", "spout");
            var metrics = get(stranger, "/actuator/metrics");
            assertThat(metrics.statusCode()).isNotEqualTo(200);
            assertThat(metrics.body()).doesNotContain("spout.streams");
            assertThat(get(stranger, "/actuator/metrics/spout.streams.open").statusCode())
                    .isNotEqualTo(200);

            signIn(ann, "ann");
            assertThat(get(ann, "/actuator/metrics").body()).contains("spout.streams.open");
            assertThat(get(ann, "/actuator/health").body()).contains("spout");
        }
    }

    @Test
    void signingOutEndsTheStreamOfNotesBeforeTheNextOne() throws Exception {
        var spout = app.getBean(ServletSpout.class);
        try (var ann = browser()) {
            signIn(ann, "ann");
            try (var notes = SseTestClient.open(ann, URI.create(base + "/notifications/sse"), Map.of())) {
                assertThat(notes.status()).isEqualTo(200);
                Await.value("ann's subscribers", () -> spout.topic("user/ann").subscribers(), 1);
                spout.topic("user/ann").publish("bob: before");
                assertThat(notes.next(WAIT).data()).isEqualTo("bob: before");

                var token = JSON_TOKEN.matcher(get(ann, "/csrf").body());
                assertThat(token.find()).isTrue();
                assertThat(post(ann, "/logout", "", token.group(1)).statusCode())
                        .isEqualTo(302);
                assertThat(notes.awaitEnd(WAIT))
                        .as("her stream ends as she signs out")
                        .isTrue();
                spout.topic("user/ann").publish("bob: after");
                assertThat(notes.pending()).isEmpty();
            }
            assertThat(get(ann, "/notifications/sse").statusCode())
                    .as("and cannot be opened again")
                    .isEqualTo(302);
        }
    }
}
