package dev.spout.server;

import static dev.spout.html.Html.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Under TLS the session cookie is also Secure, so a browser never sends it over plain HTTP. */
class SecureCookieTest {

    @Test
    void theSessionCookieIsSecureUnderTls(@TempDir Path dir) throws Exception {
        Path keyStore = Http2Test.selfSignedKeyStore(dir);
        try (var app = Spout.create(options -> options.tls(keyStore, "secret"));
                var http = HttpClient.newBuilder()
                        .sslContext(Http2Test.trusting(keyStore))
                        .build()) {
            app.page("/start", page -> {
                page.request().startSession();
                return text("started");
            });
            app.start("127.0.0.1", 0);

            var response = http.send(
                    HttpRequest.newBuilder(URI.create("https://localhost:" + app.port() + "/start"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());

            String cookie = response.headers().firstValue("Set-Cookie").orElseThrow();
            assertThat(cookie).contains("Secure").contains("HttpOnly").containsIgnoringCase("SameSite=Lax");
        }
    }
}
