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

    String html() {
        return html;
    }
}
