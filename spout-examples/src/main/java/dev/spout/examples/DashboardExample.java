package dev.spout.examples;

import static dev.spout.html.Html.attr;
import static dev.spout.html.Html.button;
import static dev.spout.html.Html.classes;
import static dev.spout.html.Html.div;
import static dev.spout.html.Html.dl;
import static dev.spout.html.Html.element;
import static dev.spout.html.Html.form;
import static dev.spout.html.Html.h1;
import static dev.spout.html.Html.id;
import static dev.spout.html.Html.p;
import static dev.spout.html.Html.span;
import static dev.spout.html.Html.strong;
import static dev.spout.html.Html.text;

import dev.spout.engine.auth.Authorizer;
import dev.spout.engine.topic.Topic;
import dev.spout.live.Live;
import dev.spout.live.LiveState;
import dev.spout.server.Routes;
import dev.spout.server.page.PageOptions;
import java.lang.management.ManagementFactory;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A login-protected live dashboard: {@code /dashboard} needs a signed-in user, so a stranger is sent to {@code
 * /login} (and back after signing in); the metrics arrive once a second on a topic that only signed-in users may
 * follow. Failed sign-ins are throttled, signing out is a POST and ends the user's streams. No page JavaScript. The
 * demo account is {@code demo} / {@code demo}.
 */
public final class DashboardExample {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DashboardExample.class);
    static final Map<String, String> ACCOUNTS = Map.of("demo", "demo");

    private DashboardExample() {}

    public static void define(Routes app) {
        Topic metrics = app.topic(
                "metrics", topic -> topic.authorize(Authorizer.requireUser()).initialReplay(1));
        Thread.ofVirtual().name("dashboard-metrics").start(() -> publish(metrics));
        SignInPage.define(app, ACCOUNTS, "/dashboard", "Demo account: demo / demo");

        app.page("/logout", PageOptions.defaults().methods("POST"), page -> {
            page.request().signOut(); // its streams end too
            return page.redirect(app.path("/login"));
        });

        app.ssePage(
                "/dashboard",
                PageOptions.defaults().requireUser(app.path("/login")),
                page -> {
                    page.title("Dashboard");
                    String user = page.request().user().orElseThrow(); // requireUser: there is one
                    Map<String, Object> now = metricsNow(); // the page is whole before the first event
                    return div(
                            Live.connect(page.url("/dashboard/metrics")),
                            h1(text("Dashboard")),
                            p(
                                    text("Signed in as "),
                                    strong(id("user"), text(user)),
                                    text(" \u00B7 "),
                                    form(
                                            attr("method", "post"),
                                            attr("action", page.url("/logout")),
                                            attr("style", "display: inline"),
                                            button(id("sign-out"), attr("type", "submit"), text("Sign out")))),
                            dl(
                                    classes("card"),
                                    element("dt", text("Server time")),
                                    element(
                                            "dd",
                                            span(
                                                    id("time"),
                                                    Live.state("time"),
                                                    text(String.valueOf(now.get("time"))))),
                                    element("dt", text("Heap used (MiB)")),
                                    element(
                                            "dd",
                                            span(
                                                    id("heap"),
                                                    Live.state("heapMiB"),
                                                    text(String.valueOf(now.get("heapMiB"))))),
                                    element("dt", text("Uptime (s)")),
                                    element(
                                            "dd",
                                            span(
                                                    id("uptime"),
                                                    Live.state("uptimeSeconds"),
                                                    text(String.valueOf(now.get("uptimeSeconds")))))),
                            p(Live.offline(), text("Reconnecting...")));
                },
                "/dashboard/metrics",
                metrics);
    }

    static Map<String, Object> metricsNow() {
        var runtime = Runtime.getRuntime();
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("time", LocalTime.now().truncatedTo(ChronoUnit.SECONDS).toString());
        values.put("heapMiB", (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024));
        values.put("uptimeSeconds", ManagementFactory.getRuntimeMXBean().getUptime() / 1000);
        return values;
    }

    private static void publish(Topic metrics) {
        while (true) {
            Map<String, Object> values = metricsNow();
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
        var app = DemoLook.create();
        define(app);
        ServeOptions.of("dashboard", args).start(app);
        System.out.println("Open " + app.uri().resolve("dashboard") + " and sign in as demo / demo");
    }
}
