package dev.spout.server;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A test client that keeps cookies like a browser and can make ajax calls the way spout.js does. */
final class WebClient implements AutoCloseable {
    private static final Pattern TOKEN = Pattern.compile("<meta name=\"spout-csrf\" content=\"([^\"]+)\">");

    final HttpClient http;
    private final URI base;
    private final CookieManager cookies = new CookieManager();
    String csrfToken;

    WebClient(URI base) {
        this.base = base;
        this.http = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** The value of a cookie this client holds, or null. */
    String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue)
                .findFirst()
                .orElse(null);
    }

    /** Holds a cookie as if the server had set it (an id an attacker planted, say). */
    void setCookie(String name, String value) {
        var cookie = new HttpCookie(name, value);
        cookie.setPath("/");
        cookie.setVersion(0);
        cookies.getCookieStore().add(base, cookie);
    }

    /** Sends any request, with this client's cookies. */
    HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** GETs a page, remembering its CSRF token if it has one. */
    HttpResponse<String> get(String path) throws Exception {
        var response =
                http.send(HttpRequest.newBuilder(base.resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
        Matcher token = TOKEN.matcher(response.body());
        if (token.find()) {
            csrfToken = token.group(1);
        }
        return response;
    }

    /** An ajax POST as spout.js makes it: form body, the CSRF token, and this site as the Origin. */
    HttpResponse<String> ajax(String path, String form) throws Exception {
        return post(path, form, csrfToken, base.getScheme() + "://" + base.getAuthority());
    }

    /** A POST with exactly the given token and Origin (null: not sent). */
    HttpResponse<String> post(String path, String form, String token, String origin) throws Exception {
        var request = HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (token != null) {
            request.header("X-Spout-CSRF", token);
        }
        if (origin != null) {
            request.header("Origin", origin);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        http.close();
    }
}
