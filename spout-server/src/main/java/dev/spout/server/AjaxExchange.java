package dev.spout.server;

import dev.spout.html.Node;
import java.util.Objects;

/**
 * One ajax call: the request (with its form parameters) and an optional HTML response. Without a response the
 * call is answered {@code 204 No Content}.
 *
 * <pre>{@code
 * app.ajax("greet", ajax -> ajax.respond(text("Hello, " + ajax.request().formParameter("name").orElse("you"))));
 * }</pre>
 */
public final class AjaxExchange {
    private final ClientRequest request;
    private String html;
    private int status;

    AjaxExchange(ClientRequest request) {
        this.request = request;
    }

    public ClientRequest request() {
        return request;
    }

    /** Answers with this HTML. */
    public void respond(Node html) {
        this.html = html.render();
    }

    /** Answers with this text, escaped as HTML. */
    public void respondText(String text) {
        respond(dev.spout.html.Html.text(Objects.requireNonNull(text, "text")));
    }

    /** Answers with this status instead of 200 (or 204 without a body), for example 400 for bad input. */
    public void status(int status) {
        if (status < 200 || status > 599) {
            throw new IllegalArgumentException("Not an HTTP status for an answer: " + status);
        }
        this.status = status;
    }

    String html() {
        return html;
    }

    /** The status to answer with, or 0 for the default. */
    int status() {
        return status;
    }
}
