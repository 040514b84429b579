package dev.spout.examples;

import static dev.spout.html.Html.attr;
import static dev.spout.html.Html.button;
import static dev.spout.html.Html.div;
import static dev.spout.html.Html.form;
import static dev.spout.html.Html.h1;
import static dev.spout.html.Html.id;
import static dev.spout.html.Html.input;
import static dev.spout.html.Html.label;
import static dev.spout.html.Html.li;
import static dev.spout.html.Html.p;
import static dev.spout.html.Html.text;
import static dev.spout.html.Html.ul;

import dev.spout.engine.topic.Subscription;
import dev.spout.live.Live;
import dev.spout.live.Patch;
import dev.spout.server.Routes;
import dev.spout.server.page.AjaxOptions;
import dev.spout.server.page.PageOptions;
import java.time.Duration;
import java.util.Map;

/**
 * Per-user notifications: every signed-in user's inbox streams the topic {@code user/<name>} and nothing else,
 * chosen per request from the session (a {@link Subscription}); the topics come on demand, one per user, with an
 * hour of history, so a browser that lost its connection gets what it missed. Anyone signed in can send a note to
 * anyone; only its addressee sees it. Accounts: {@code ann} / {@code ann} and {@code bob} / {@code bob}.
 */
public final class NotificationsExample {
    static final Map<String, String> ACCOUNTS = Map.of("ann", "ann", "bob", "bob");
    static final int MAX_LENGTH = 300;

    private NotificationsExample() {}

    /** A note as its list item; the text is escaped by the DSL, whatever the sender typed. */
    static Patch note(String from, String text) {
        return Patch.append("notes", li(text(from + ": " + text)));
    }

    public static void define(Routes app) {
        app.topicPattern(
                "user/*", topic -> topic.history(100, Duration.ofHours(1)).retry(Duration.ofSeconds(1)));
        SignInPage.define(app, ACCOUNTS, "/inbox", "Accounts: ann / ann, bob / bob");

        app.subscriptionPage(
                "/inbox",
                PageOptions.defaults().requireUser(app.path("/login")),
                page -> {
                    String me = page.request().user().orElseThrow(); // requireUser: there is one
                    page.title("Inbox of " + me);
                    page.css("#notes:empty::before { content: 'No notes yet.'; color: #667085; }");
                    page.ajax(
                            "send",
                            "#send",
                            "submit",
                            AjaxOptions.defaults().form().clear("#send [name=text]"),
                            ajax -> {
                                // the sender is whoever this request's session belongs to, not the page's first user
                                String from = ajax.request().user().orElse(null);
                                String to = ajax.request()
                                        .formParameter("to")
                                        .map(String::strip)
                                        .orElse("");
                                String text = ajax.request()
                                        .formParameter("text")
                                        .map(String::strip)
                                        .orElse("");
                                if (from == null) {
                                    ajax.status(401);
                                    ajax.respondText("Sign in to send notes");
                                } else if (!ACCOUNTS.containsKey(to) || text.isEmpty() || text.length() > MAX_LENGTH) {
                                    ajax.status(400);
                                    ajax.respondText("A note needs a known addressee and a text of up to " + MAX_LENGTH
                                            + " characters");
                                } else {
                                    app.topic("user/" + to)
                                            .publish(note(from, text).event());
                                }
                            });
                    return div(
                            Live.connect(page.url("/inbox/events")),
                            h1(text("Inbox of "), text(me)),
                            div(id("status"), Live.status(), text("connecting")),
                            ul(id("notes")),
                            form(
                                    id("send"),
                                    label(text("To "), input(attr("name", "to"), attr("required", null))),
                                    input(attr("name", "text"), attr("placeholder", "note"), attr("required", null)),
                                    button(attr("type", "submit"), text("Send")),
                                    p(Live.errors())));
                },
                "/inbox/events",
                request -> Subscription.to(app.topic("user/" + request.user().orElseThrow())));
    }

    public static void main(String[] args) {
        var app = DemoLook.create();
        define(app);
        ServeOptions.of("notifications", args).start(app);
        System.out.println("Open " + app.uri().resolve("inbox") + " in two browsers, as ann and as bob");
    }
}
