package dev.spout.examples;

import static dev.spout.html.Html.attr;
import static dev.spout.html.Html.button;
import static dev.spout.html.Html.form;
import static dev.spout.html.Html.fragment;
import static dev.spout.html.Html.h1;
import static dev.spout.html.Html.id;
import static dev.spout.html.Html.input;
import static dev.spout.html.Html.label;
import static dev.spout.html.Html.p;
import static dev.spout.html.Html.text;

import dev.spout.html.Node;
import dev.spout.server.Routes;
import dev.spout.server.auth.SignInThrottle;
import dev.spout.server.page.Page;
import dev.spout.server.page.PageOptions;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Map;

/**
 * The examples' sign-in page at {@code /login}: a form that posts back, checks the password in constant time,
 * throttles failed attempts, signs in with a fresh session (no fixation) and goes back where the visitor came
 * from ({@code next}, checked to be a path of this site) or to the landing page.
 */
final class SignInPage {
    private SignInPage() {}

    static void define(Routes app, Map<String, String> accounts, String landing, String hint) {
        SignInThrottle throttle = SignInThrottle.create();
        app.page("/login", PageOptions.defaults().methods("GET", "POST"), page -> {
            page.title("Sign in");
            var request = page.request();
            if ("POST".equals(request.method())) {
                String user = request.formParameter("user").orElse("");
                Duration wait = throttle.waitBefore(request, user);
                if (!wait.isZero()) {
                    return signInForm(
                            page,
                            hint,
                            "Too many failed attempts: try again in " + Math.max(1, wait.toMinutes()) + " minute(s)");
                }
                if (matches(
                        accounts.get(user), request.formParameter("password").orElse(""))) {
                    throttle.succeeded(request, user);
                    request.signIn(user);
                    return page.redirectToNext(app.path(landing));
                }
                throttle.failed(request, user);
                return signInForm(page, hint, "Unknown user or wrong password");
            }
            return signInForm(page, hint, null);
        });
    }

    /** The form; it posts back with the same {@code next}, which {@code redirectToNext} checks. */
    private static Node signInForm(Page page, String hint, String error) {
        String next = page.request().queryParameter("next").orElse("");
        return fragment(
                h1(text("Sign in")),
                error == null ? fragment() : p(id("error"), text(error)),
                form(
                        attr("method", "post"),
                        attr("action", "?next=" + java.net.URLEncoder.encode(next, StandardCharsets.UTF_8)),
                        label(text("User "), input(attr("name", "user"), attr("autocomplete", "username"))),
                        label(text(" Password "), input(attr("name", "password"), attr("type", "password"))),
                        button(attr("type", "submit"), text("Sign in"))),
                p(text(hint)));
    }

    private static boolean matches(String expected, String given) {
        return expected != null
                && MessageDigest.isEqual(
                        expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }
}
