package dev.spout.examples;

import static dev.spout.html.Html.a;
import static dev.spout.html.Html.classes;
import static dev.spout.html.Html.div;
import static dev.spout.html.Html.h1;
import static dev.spout.html.Html.href;
import static dev.spout.html.Html.li;
import static dev.spout.html.Html.p;
import static dev.spout.html.Html.text;
import static dev.spout.html.Html.ul;

import dev.spout.redis.RedisBroker;
import dev.spout.server.Spout;
import dev.spout.server.page.Page;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Every example on one port, each under its own prefix, with an index at {@code /}. The README's demo command runs
 * this: {@code java -jar spout-examples/target/spout-demo.jar [--port N] [--host H] [--redis URI]} (or {@code PORT=N},
 * {@code REDIS_URL=URI}); the default port is 8080, on every interface; {@code --help} lists the options. With Redis,
 * several demo nodes share their topics.
 */
public final class Demo {
    private Demo() {}

    /**
     * The demo as its command runs it: the demo's look, every example, and the topics in Redis if {@code redis} is
     * a URI (else in memory).
     */
    public static Spout create(String redis) {
        return define(DemoLook.create(true, options -> {
            if (redis != null) { // several demo nodes then share their topics (the chat) through Redis
                options.broker(RedisBroker.create(redis));
            }
        }));
    }

    /** Defines the index and every example on the application. */
    public static Spout define(Spout app) {
        ClockExample.define(app.under("/clock"));
        TogglesExample.define(app.under("/toggles"));
        LiveClockExample.define(app.under("/live-clock"));
        LiveTogglesExample.define(app.under("/live-toggles"));
        BroadcastTogglesExample.define(app.under("/broadcast-toggles"));
        WebJars.serve(app);
        HtmxTogglesExample.define(app.under("/htmx-toggles"));
        HtmxChatExample.define(app.under("/htmx-chat"));
        DatastarTogglesExample.define(app.under("/datastar-toggles"));
        DatastarChatExample.define(app.under("/datastar-chat"));
        DatastarSdkTest.define(app.under("/datastar"));
        ChatExample.define(app.under("/chat"));
        DashboardExample.define(app.under("/admin"));
        JobExample.define(app.under("/jobs"));
        NotificationsExample.define(app.under("/notify"));
        DocumentExample.define(app.under("/docs"));
        app.page("/", page -> {
            page.title("Spout demo");
            return div(
                    h1(text("Spout demo")),
                    p(
                            classes("muted"),
                            text("Live pages and event streams on Server-Sent Events. Each example's page shows its"
                                    + " Java code and, when you open its panel, the events its stream carries as they"
                                    + " are on the wire. Open any of them in two browsers side by side; or read a"
                                    + " stream from a terminal: curl -N " + origin(page) + app.path("/clock/sse"))),
                    ul(
                            li(
                                    a(href(app.path("/clock/client")), text("Clock")),
                                    text(": the server's time, every second")),
                            li(
                                    a(href(app.path("/toggles/client")), text("Toggles")),
                                    text(": click a box, and every open browser sees it flip (each stream polls)")),
                            li(
                                    a(href(app.path("/live-clock/client")), text("Clock, no JavaScript")),
                                    text(": the same page, live by attributes")),
                            li(
                                    a(href(app.path("/live-toggles/client")), text("Toggles, no JavaScript")),
                                    text(": the seed's toggles, live by attributes")),
                            li(
                                    a(href(app.path("/broadcast-toggles/client")), text("Toggles, broadcast")),
                                    text(": published to a topic the moment they change")),
                            li(
                                    a(href(app.path("/htmx-toggles/client")), text("Toggles, htmx")),
                                    text(": the seed's boxes written with htmx and its SSE extension, on a topic")),
                            li(
                                    a(href(app.path("/datastar-toggles/client")), text("Toggles, Datastar")),
                                    text(": the same boxes written with Datastar, patched in from a topic")),
                            li(
                                    a(href(app.path("/chat/client")), text("Chat")),
                                    text(": a room with history; reconnecting browsers catch up")),
                            li(
                                    a(href(app.path("/htmx-chat/client")), text("Chat, htmx")),
                                    text(": the chat room written with htmx, on the same kind of topic")),
                            li(
                                    a(href(app.path("/datastar-chat/client")), text("Chat, Datastar")),
                                    text(": the chat room written with Datastar, its form's signals posted")),
                            li(
                                    a(href(app.path("/admin/dashboard")), text("Dashboard")),
                                    text(": live metrics behind a login (demo / demo)")),
                            li(
                                    a(href(app.path("/jobs/client")), text("Jobs")),
                                    text(": long-running jobs with live progress bars")),
                            li(
                                    a(href(app.path("/notify/inbox")), text("Notifications")),
                                    text(": a stream per user (ann / ann, bob / bob), each sees only their own")),
                            li(
                                    a(href(app.path("/docs/7")), text("Documents")),
                                    text(": /docs/<name>, browsers on one document see each other's edits"))));
        });
        return app;
    }

    /** Where the browser reached the demo, as {@code http://host:port}, for commands the page suggests. */
    private static String origin(Page page) {
        return page.request().header("Host").map(host -> "http://" + host).orElse("http://localhost:8080");
    }

    /** The demo's command line: where it listens, and Redis if several nodes share its topics. */
    @Command(
            name = "spout-demo",
            mixinStandardHelpOptions = true,
            description = "Every example of Spout on one port, with an index at /.")
    static final class Options {
        @Mixin
        ServeOptions serve;

        @Option(
                names = "--redis",
                paramLabel = "URI",
                defaultValue = "${env:REDIS_URL}",
                description = "Share the topics with other demo nodes through Redis (or REDIS_URL), such as"
                        + " redis://127.0.0.1:6379.")
        String redis;
    }

    public static void main(String[] args) {
        Options command = ServeOptions.parseOrExit("spout-demo", Options::new, args);
        String redis = command.redis == null || command.redis.isBlank() ? null : command.redis.trim();
        Spout app = create(redis);
        command.serve.start(app);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            app.close();
                            System.out.println("Spout demo stopped: every stream ended cleanly");
                        },
                        "spout-shutdown"));
        System.out.println("Spout demo: " + app.uri());
    }
}
