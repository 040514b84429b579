package dev.spout.server;

import dev.spout.html.Node;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One ajax call: the request (with its form parameters and session) and an optional answer. Without an answer the
 * call gets {@code 204 No Content}.
 *
 * <pre>{@code
 * app.ajax("greet", ajax -> ajax.respond(text("Hello, " + ajax.request().formParameter("name").orElse("you"))));
 * app.ajax("totals", ajax -> {                    // for a binding with AjaxOptions.updateTargets()
 *     ajax.update("count", text(Integer.toString(cart.count())));
 *     ajax.update("sum", text(cart.sum()));
 * });
 * }</pre>
 */
public final class AjaxExchange {
    private final ClientRequest request;
    private String html;
    private Map<String, String> updates;
    private int status;

    AjaxExchange(ClientRequest request) {
        this.request = request;
    }

    public ClientRequest request() {
        return request;
    }

    /** Answers with this HTML (for a binding with a {@code target}). */
    public void respond(Node html) {
        this.html = html.render();
    }

    /** Answers with this text, escaped as HTML. */
    public void respondText(String text) {
        respond(dev.spout.html.Html.text(Objects.requireNonNull(text, "text")));
    }

    /** Adds an element update, by id, to the answer (for a binding with {@code updateTargets()}). */
    public void update(String elementId, Node html) {
        if (updates == null) {
            updates = new LinkedHashMap<>();
        }
        updates.put(Objects.requireNonNull(elementId, "elementId"), html.render());
    }

    /** Answers with this status instead of 200 (or 204 without a body), for example 400 for bad input. */
    public void status(int status) {
        if (status < 200 || status > 599) {
            throw new IllegalArgumentException("Not an HTTP status for an answer: " + status);
        }
        this.status = status;
    }

    /** The answer's body and its type, or null for none. */
    String[] body() {
        if (updates != null) {
            var json = new StringBuilder("{");
            updates.forEach((id, markup) -> json.append(json.length() > 1 ? "," : "")
                    .append(JavaScript.quote(id))
                    .append(':')
                    .append(JavaScript.quote(markup)));
            return new String[] {json.append('}').toString(), "application/json"};
        }
        return html == null ? null : new String[] {html, "text/html;charset=utf-8"};
    }

    int status() {
        return status;
    }
}
