package dev.spout.examples;

import static dev.spout.html.Html.a;
import static dev.spout.html.Html.attr;
import static dev.spout.html.Html.button;
import static dev.spout.html.Html.div;
import static dev.spout.html.Html.dl;
import static dev.spout.html.Html.element;
import static dev.spout.html.Html.form;
import static dev.spout.html.Html.fragment;
import static dev.spout.html.Html.h1;
import static dev.spout.html.Html.href;
import static dev.spout.html.Html.id;
import static dev.spout.html.Html.input;
import static dev.spout.html.Html.label;
import static dev.spout.html.Html.p;
import static dev.spout.html.Html.span;
import static dev.spout.html.Html.strong;
import static dev.spout.html.Html.text;

import dev.spout.html.Node;
import dev.spout.live.Live;
import dev.spout.live.LiveState;
import dev.spout.server.Authorizer;
import dev.spout.server.PageOptions;
import dev.spout.server.Routes;
import dev.spout.server.Spout;
import dev.spout.server.Topic;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A login-protected live dashboard: {@code /dashboard} needs a session, so a stranger is sent to {@code /login}
 * (and back after signing in); the metrics arrive once a second on a topic that only signed-in browsers may follow.
 * No page JavaScript. The demo account is {@code demo} / {@code demo}.
 */
public final class DashboardExample {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DashboardExample.class);
    static final Map<String, String> ACCOUNTS = Map.of("demo", "demo");

    private DashboardExample() {}

    public static void define(Routes app) {
        Topic metrics = app.topic(
                "metrics", topic -> topic.authorize(Authorizer.requireSession()).initialReplay(1));
        Thread.ofVirtual().name("dashboard-metrics").start(() -> publish(metrics));

        app.page("/login", PageOptions.defaults().methods("GET", "POST"), page -> {
            page.title("Sign in");
            var request = page.request();
            String next = request.queryParameter("next")
                    .filter(n -> n.startsWith("/"))
                    .orElse(app.path("/dashboard"));
            if ("POST".equals(request.method())) {
                String user = request.formParameter("user").orElse("");
                if (matches(
                        ACCOUNTS.get(user), request.formParameter("password").orElse(""))) {
                    request.endSession(); // a fresh session id at sign-in: no fixation
                    request.startSession().put("user", user);
                    return page.redirect(next);
                }
                return loginForm(next, "Unknown user or wrong password");
            }
            return loginForm(next, null);
        });

        app.page("/logout", page -> {
            page.request().endSession();
            return page.redirect(app.path("/login"));
        });

        app.ssePage(
                "/dashboard",
                PageOptions.defaults().requireSession(app.path("/login")),
                page -> {
                    page.title("Dashboard");
                    String user = page.request()
                            .session()
                            .flatMap(s -> s.get("user", String.class))
                            .orElse("?");
                    return div(
                            Live.connect(page.url("/dashboard/metrics")),
                            h1(text("Dashboard")),
                            p(
                                    text("Signed in as "),
                                    strong(id("user"), text(user)),
                                    text(" \u00B7 "),
                                    a(href(page.url("/logout")), text("Sign out"))),
                            dl(
                                    element("dt", text("Server time")),
                                    element("dd", span(id("time"), Live.state("time"))),
                                    element("dt", text("Heap used (MiB)")),
                                    element("dd", span(id("heap"), Live.state("heapMiB"))),
                                    element("dt", text("Uptime (s)")),
                                    element("dd", span(id("uptime"), Live.state("uptimeSeconds")))),
                            p(Live.offline(), text("Reconnecting...")));
                },
                "/dashboard/metrics",
                metrics);
    }

    private static Node loginForm(String next, String error) {
        return fragment(
                h1(text("Sign in")),
                error == null ? fragment() : p(id("error"), text(error)),
                form(
                        attr("method", "post"),
                        attr("action", "?next=" + java.net.URLEncoder.encode(next, StandardCharsets.UTF_8)),
                        label(text("User "), input(attr("name", "user"), attr("autocomplete", "username"))),
                        label(text(" Password "), input(attr("name", "password"), attr("type", "password"))),
                        button(attr("type", "submit"), text("Sign in"))),
                p(text("Demo account: demo / demo")));
    }

    private static boolean matches(String expected, String given) {
        return expected != null
                && MessageDigest.isEqual(
                        expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }

    private static void publish(Topic metrics) {
        var runtime = Runtime.getRuntime();
        while (true) {
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("time", LocalTime.now().truncatedTo(ChronoUnit.SECONDS).toString());
            values.put("heapMiB", (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024));
            values.put("uptimeSeconds", ManagementFactory.getRuntimeMXBean().getUptime() / 1000);
            try {
                metrics.publish(LiveState.of(values).event());
            } catch (IllegalStateException closed) {
                return; // the application is closing
            } catch (RuntimeException failure) { // a broker outage: this second's values are lost, the next come
                LOG.warn("Dashboard metrics not published: {}", failure.toString());
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException stopped) {
                return;
            }
        }
    }

    public static void main(String[] args) {
        var app = Spout.create();
        define(app);
        app.start(Ports.fromArgs(args));
        System.out.println("Open " + app.uri().resolve("dashboard") + " and sign in as demo / demo");
    }
}
