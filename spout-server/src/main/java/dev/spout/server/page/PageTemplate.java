package dev.spout.server.page;

import dev.spout.html.Node;

/**
 * The application-wide page template: wraps every page's contents, unless the page
 * opts out with {@link PageOptions#withoutTemplate()}.
 *
 * <pre>{@code
 * Spout.create(options -> options.template((page, contents) ->
 *         fragment(header(a(href("/"), text("My app"))), main(contents))));
 * }</pre>
 */
@FunctionalInterface
public interface PageTemplate {
    Node wrap(Page page, Node contents) throws Exception;
}
