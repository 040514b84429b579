package dev.spout.server.page;

import dev.spout.html.Node;
import dev.spout.server.auth.SpoutRequest;

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
public interface AjaxExchange {

    /** The call's request. */
    SpoutRequest request();

    /** Answers with this HTML (for a binding with a {@code target}). */
    void respond(Node html);

    /** Answers with this text, escaped as HTML. */
    void respondText(String text);

    /** Adds an element update, by id, to the answer (for a binding with {@code updateTargets()}). */
    void update(String elementId, Node html);

    /**
     * Answers with this status instead of 200 (or 204 without a body), for example 400 for bad input.
     *
     * @throws IllegalArgumentException if it is not a status between 200 and 599
     */
    void status(int status);
}
