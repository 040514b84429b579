package dev.spout.examples;

import static dev.spout.html.Html.classes;
import static dev.spout.html.Html.div;
import static dev.spout.html.Html.h1;
import static dev.spout.html.Html.id;
import static dev.spout.html.Html.p;
import static dev.spout.html.Html.span;
import static dev.spout.html.Html.text;

import dev.spout.engine.stream.SseStream;
import dev.spout.server.Routes;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The seed's first example, the time server: open {@code /client} and watch the server's time arrive each second.
 * Each browser gets its own handler, a loop on a virtual thread that sends and sleeps.
 *
 * <pre>
 * java -cp spout-demo.jar dev.spout.examples.ClockExample --port 8080
 * </pre>
 */
public final class ClockExample {
    /** Like CHICKEN's {@code seconds->string}: Mon Jul 7 22:12:28 2014. */
    static final DateTimeFormatter SECONDS_TO_STRING =
            DateTimeFormatter.ofPattern("EEE MMM d HH:mm:ss yyyy", Locale.ENGLISH);

    private ClockExample() {}

    public static void define(Routes app) {
        app.ssePage(
                "/client",
                page -> {
                    page.title("Spout clock");
                    page.javascript("""
                            var source = new EventSource('sse');
                            source.onmessage = function (event) {
                              document.getElementById('display').textContent = event.data;
                            };""");
                    page.css("#display { color: blue; }");
                    return div(
                            h1(text("Clock")),
                            p(classes("muted"), text("The server's time, sent by a loop of its own for each browser.")),
                            p(
                                    classes("card"),
                                    text("Current time: "),
                                    // The time now, so the page is whole before the first event.
                                    span(id("display"), text(now()))));
                },
                "/sse",
                ClockExample::tick);
    }

    static String now() {
        return ZonedDateTime.now().format(SECONDS_TO_STRING);
    }

    /** The seed's {@code sse-proc}: the time with a random id, as event {@code message}, every second. */
    static void tick(SseStream sse) throws InterruptedException {
        while (true) {
            sse.send(
                    now(), "message", String.valueOf(ThreadLocalRandom.current().nextInt(10)));
            Thread.sleep(1000);
        }
    }

    public static void main(String[] args) {
        var app = DemoLook.create();
        define(app);
        ServeOptions.of("clock", args).start(app);
        System.out.println("Open " + app.uri().resolve("client"));
    }
}
