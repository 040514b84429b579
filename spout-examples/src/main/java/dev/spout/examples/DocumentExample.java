package dev.spout.examples;

import static dev.spout.html.Html.attr;
import static dev.spout.html.Html.button;
import static dev.spout.html.Html.classes;
import static dev.spout.html.Html.div;
import static dev.spout.html.Html.form;
import static dev.spout.html.Html.h1;
import static dev.spout.html.Html.id;
import static dev.spout.html.Html.input;
import static dev.spout.html.Html.p;
import static dev.spout.html.Html.text;

import dev.spout.engine.auth.Access;
import dev.spout.engine.topic.Subscription;
import dev.spout.live.Live;
import dev.spout.live.Patch;
import dev.spout.server.Routes;
import dev.spout.server.page.AjaxOptions;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * A shared document per path: {@code /docs/<doc>} is the page of one document, and its stream {@code
 * /docs/<doc>/events} follows the topic {@code doc/<doc>}, chosen from the path's parameter. Browsers on one document
 * see each other's edits; a browser on another document sees none of them. Each document's topic keeps its latest
 * version for ten minutes, so a browser that opens it late (or reconnects) starts from there.
 *
 * <p>Anyone may create a document by saving it, so the documents are topics on demand with a bound: at most {@value
 * #DOCUMENTS} at once; saving one more is answered {@code 503} (the form shows why) until one is left idle.
 */
public final class DocumentExample {
    static final Pattern NAME = Pattern.compile("[a-z0-9-]{1,40}");
    static final int MAX_LENGTH = 2000;
    static final int DOCUMENTS = 100;

    private DocumentExample() {}

    /** A version of the document, as the patch that shows it. */
    static Patch version(String text) {
        return Patch.replaceInner("text", text(text));
    }

    public static void define(Routes app) {
        app.topicPattern(
                "doc/*",
                topic -> topic.history(1, Duration.ofMinutes(10))
                        .initialReplay(1)
                        .maxTopics(DOCUMENTS));

        app.page("/{doc}", page -> {
            String doc = page.request().pathParameter("doc").orElseThrow();
            if (!NAME.matcher(doc).matches()) {
                return p(text("A document's name is up to 40 lowercase letters, digits and dashes"));
            }
            page.title("Document " + doc);
            page.ajax(
                    "{doc}/edit",
                    "#edit",
                    "submit",
                    AjaxOptions.defaults().form().clear("#edit [name=text]"),
                    ajax -> {
                        String name = ajax.request().pathParameter("doc").orElse("");
                        String text = ajax.request().formParameter("text").orElse("");
                        if (!NAME.matcher(name).matches() || text.length() > MAX_LENGTH) {
                            ajax.status(400);
                            ajax.respondText("A document's text is up to " + MAX_LENGTH + " characters");
                            return;
                        }
                        app.topic("doc/" + name).publish(version(text).event());
                    });
            return div(
                    Live.connect(page.url("/" + doc + "/events")),
                    h1(text("Document "), text(doc)),
                    p(classes("muted"), text("Every browser on this document sees each version as it is saved.")),
                    p(id("text"), classes("card big"), text("(empty)")),
                    form(
                            id("edit"),
                            input(attr("name", "text"), attr("placeholder", "new text"), attr("required", null)),
                            button(attr("type", "submit"), text("Save")),
                            p(Live.errors())));
        });

        app.subscribe("/{doc}/events", request -> {
            String doc = request.pathParameter("doc").orElseThrow();
            return NAME.matcher(doc).matches()
                    ? Subscription.to(app.topic("doc/" + doc))
                    : Subscription.refuse(Access.FORBIDDEN);
        });
    }

    public static void main(String[] args) {
        var app = DemoLook.create();
        define(app.under("/docs"));
        ServeOptions.of("document", args).start(app);
        System.out.println("Open " + app.uri().resolve("docs/7") + " in two browsers, and docs/8 in a third");
    }
}
