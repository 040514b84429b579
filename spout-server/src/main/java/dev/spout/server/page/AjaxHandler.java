package dev.spout.server.page;

/**
 * The server side of an ajax binding: runs when the bound DOM event fires in a browser, as a POST to {@code
 * /ajax/<path>}. Its response is optional.
 *
 * <pre>{@code
 * page.ajax("one", "#one", "click", ajax -> toggles.flipOne());
 * }</pre>
 */
@FunctionalInterface
public interface AjaxHandler {
    void handle(AjaxExchange ajax) throws Exception;
}
