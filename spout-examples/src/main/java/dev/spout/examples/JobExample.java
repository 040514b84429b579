package dev.spout.examples;

import static dev.spout.html.Html.attr;
import static dev.spout.html.Html.button;
import static dev.spout.html.Html.classes;
import static dev.spout.html.Html.div;
import static dev.spout.html.Html.element;
import static dev.spout.html.Html.h1;
import static dev.spout.html.Html.id;
import static dev.spout.html.Html.li;
import static dev.spout.html.Html.p;
import static dev.spout.html.Html.span;
import static dev.spout.html.Html.text;
import static dev.spout.html.Html.ul;

import dev.spout.engine.topic.Topic;
import dev.spout.live.Live;
import dev.spout.live.LiveState;
import dev.spout.live.Patch;
import dev.spout.server.Routes;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A long-running job with a live progress bar: "Start a job" runs one on a virtual thread; the job adds its line
 * to every open page (an HTML patch), moves its progress bar (JSON state) and marks itself done. A page opened
 * later replays the recent history and shows the same board. No page JavaScript.
 */
public final class JobExample {
    static final int STEPS = 20;
    private final AtomicInteger jobs = new AtomicInteger();
    private final Topic board;
    private final Duration step;

    private JobExample(Routes app, Duration step) {
        this.board = app.topic(
                "jobs", topic -> topic.history(1000, Duration.ofHours(1)).initialReplay(1000));
        this.step = step;
    }

    public static void define(Routes app) {
        define(app, Duration.ofMillis(150));
    }

    static void define(Routes app, Duration step) {
        new JobExample(app, step).routes(app);
    }

    private void routes(Routes app) {
        app.ssePage(
                "/client",
                page -> {
                    page.title("Spout jobs");
                    page.css("progress { width: 20em; } .done { color: #12805c; } "
                            + "#jobs:empty::before { content: 'No jobs yet: start one.'; color: #667085; }");
                    page.ajax("start", "#start", "click", ajax -> start());
                    return div(
                            Live.connect(page.url("/events")),
                            h1(text("Jobs")),
                            p(classes("muted"), text("Long-running work with live progress bars, in every browser.")),
                            button(id("start"), attr("type", "button"), text("Start a job")),
                            ul(id("jobs")));
                },
                "/events",
                board);
    }

    private void start() {
        int job = jobs.incrementAndGet();
        String name = "job-" + job;
        board.publish(Patch.append(
                        "jobs",
                        li(
                                id(name),
                                text("Job " + job + " "),
                                element(
                                        "progress",
                                        id(name + "-bar"),
                                        attr("max", Integer.toString(STEPS)),
                                        attr("value", "0"),
                                        Live.state(name)),
                                span(id(name + "-status"), text(" running"))))
                .event());
        Thread.ofVirtual().name(name).start(() -> {
            try {
                for (int done = 1; done <= STEPS; done++) {
                    Thread.sleep(step); // the work
                    board.publish(LiveState.of(name, done).event());
                }
                board.publish(Patch.replaceOuter(
                                name + "-status", span(id(name + "-status"), attr("class", "done"), text(" done")))
                        .event());
            } catch (InterruptedException | IllegalStateException stopped) {
                // the application is closing
            }
        });
    }

    public static void main(String[] args) {
        var app = DemoLook.create();
        define(app);
        ServeOptions.of("job", args).start(app);
        System.out.println("Open " + app.uri().resolve("client") + " and start a few jobs");
    }
}
