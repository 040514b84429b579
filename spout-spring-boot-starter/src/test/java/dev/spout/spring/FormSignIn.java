package dev.spout.spring;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A browser that signs in with Spring Security's login form and keeps its session cookie, and signs out. */
final class FormSignIn {
    static final Duration WAIT = Duration.ofSeconds(10);

    private FormSignIn() {}

    /** A client holding the session of {@code user}, signed in by the form (password: the name and "-pw"). */
    static HttpClient as(URI login, String user) throws Exception {
        var browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        var answer = post(browser, login, "username=" + user + "&password=" + user + "-pw");
        if (answer.statusCode() != 302
                || answer.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("The sign-in of " + user + " failed: " + answer.statusCode() + " "
                    + answer.headers().map());
        }
        return browser;
    }

    /** Posts Spring Security's logout. */
    static int signOut(HttpClient browser, URI logout) throws Exception {
        return post(browser, logout, "").statusCode();
    }

    private static HttpResponse<Void> post(HttpClient browser, URI uri, String form) throws Exception {
        return browser.send(
                HttpRequest.newBuilder(uri)
                        .timeout(WAIT)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
    }
}
