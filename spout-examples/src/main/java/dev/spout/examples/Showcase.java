package dev.spout.examples;

import static dev.spout.html.Html.attr;
import static dev.spout.html.Html.classes;
import static dev.spout.html.Html.code;
import static dev.spout.html.Html.element;
import static dev.spout.html.Html.fragment;
import static dev.spout.html.Html.p;
import static dev.spout.html.Html.pre;
import static dev.spout.html.Html.section;
import static dev.spout.html.Html.text;

import dev.spout.html.Node;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * What the demo shows under each example: what it is (and, for a variant, what it changes), its Java code, read
 * from its own source file in the demo's jar (the build copies the examples' sources there, so the page shows the
 * code that runs), and a panel of the events its stream carries as they are on the wire, read by {@code
 * /assets/wire.js} when the panel is opened (a second stream, so only on request).
 *
 * <pre>{@code
 * Showcase.at("/clock/client").map(example -> example.panels("/clock/client"));
 * }</pre>
 */
record Showcase(String prefix, String file, String about, UnaryOperator<String> streamOf) {
    static final String WIRE_SCRIPT = "/assets/wire.js";

    private static final Map<String, String> SOURCES = new ConcurrentHashMap<>();

    /** Every example the demo serves, by the prefix it is under. */
    static final List<Showcase> EXAMPLES = List.of(
            new Showcase(
                    "/clock",
                    "ClockExample.java",
                    "The seed's first example: a handler per browser, a loop that sends the time and sleeps.",
                    page -> "/clock/sse"),
            new Showcase(
                    "/toggles",
                    "TogglesExample.java",
                    "The seed's second example: a click flips a value on the server (an ajax call); each browser's"
                            + " stream sends the state as JSON once a second, and the page's script shows it.",
                    page -> "/toggles/sse"),
            new Showcase(
                    "/live-clock",
                    "LiveClockExample.java",
                    "What changes from Clock: no script of the page's own; attributes bind the element to the"
                            + " stream's events.",
                    page -> "/live-clock/sse"),
            new Showcase(
                    "/live-toggles",
                    "LiveTogglesExample.java",
                    "What changes from Toggles: no script of the page's own; the stream sends JSON state, and"
                            + " attributes show it and send the clicks.",
                    page -> "/live-toggles/sse"),
            new Showcase(
                    "/broadcast-toggles",
                    "BroadcastTogglesExample.java",
                    "What changes from Toggles without JavaScript: no loop per browser; a click publishes the new"
                            + " state to one topic, which every browser follows, at once.",
                    page -> "/broadcast-toggles/sse"),
            new Showcase(
                    "/htmx-toggles",
                    "HtmxTogglesExample.java",
                    "What changes from Toggles, broadcast: the page is written for htmx (sse-connect, sse-swap,"
                            + " hx-post) instead of Spout's attributes; the topic and its replay are the same.",
                    page -> "/htmx-toggles/sse"),
            new Showcase(
                    "/datastar-toggles",
                    "DatastarTogglesExample.java",
                    "What changes from Toggles, broadcast: the page is written for Datastar (data-init opens the"
                            + " stream with @get, a click is an @post, each change one patch-elements event of both"
                            + " boxes); the topic and its replay are the same.",
                    page -> "/datastar-toggles/sse"),
            new Showcase(
                    "/chat",
                    "ChatExample.java",
                    "A topic with history: messages are HTML patches, escaped; a browser that reconnects gets what"
                            + " it missed.",
                    page -> "/chat/events"),
            new Showcase(
                    "/htmx-chat",
                    "HtmxChatExample.java",
                    "What changes from Chat: the page is written for htmx (the list appends each message event, the"
                            + " form is an hx-post answered by the form again); the topic and its history are the same.",
                    page -> "/htmx-chat/events"),
            new Showcase(
                    "/datastar-chat",
                    "DatastarChatExample.java",
                    "What changes from Chat: the page is written for Datastar (each message a patch-elements event"
                            + " in append mode, the form's signals an @post answered by a short event stream); the"
                            + " topic and its history are the same.",
                    page -> "/datastar-chat/events"),
            new Showcase(
                    "/admin",
                    "DashboardExample.java",
                    "A page and a stream for signed-in users only, refused before the first byte otherwise.",
                    page -> "/admin/dashboard/metrics"),
            new Showcase(
                    "/jobs",
                    "JobExample.java",
                    "Jobs on virtual threads publish their progress to a topic; every browser sees every bar move.",
                    page -> "/jobs/events"),
            new Showcase(
                    "/notify",
                    "NotificationsExample.java",
                    "A stream chosen per request: each signed-in user follows a topic of their own.",
                    page -> "/notify/inbox/events"),
            new Showcase(
                    "/docs",
                    "DocumentExample.java",
                    "Topics on demand, one per document, reclaimed when nobody uses them.",
                    page -> page + "/events"));

    /** The example a page of the demo belongs to, by its path. */
    static Optional<Showcase> at(String path) {
        return EXAMPLES.stream()
                .filter(e -> path.equals(e.prefix) || path.startsWith(e.prefix + "/"))
                .findFirst();
    }

    /** The panels under the example's page at {@code pagePath}. */
    Node panels(String pagePath) {
        String stream = streamOf.apply(pagePath);
        return section(
                classes("showcase"),
                p(classes("about"), text(about)),
                element(
                        "details",
                        classes("wire"),
                        element("summary", text("On the wire: GET " + stream)),
                        pre(attr("data-wire", stream), text("Open this panel to read the stream as it arrives."))),
                element(
                        "details",
                        classes("code"),
                        attr("open", ""),
                        element("summary", text("The code: " + file)),
                        pre(code(text(sourceText())))));
    }

    /** The example's source, as the jar has it. */
    String sourceText() {
        return SOURCES.computeIfAbsent(file, Showcase::read);
    }

    private static String read(String file) {
        try (InputStream in = Showcase.class.getResourceAsStream(file)) {
            if (in == null) {
                return "(" + file + " is not in this build's jar: the examples' sources are copied there by Maven)";
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException failed) {
            throw new UncheckedIOException("Cannot read the source " + file, failed);
        }
    }

    /** Nothing, for a page that is no example's (the index, a sign-in page). */
    static Node none() {
        return fragment();
    }
}
