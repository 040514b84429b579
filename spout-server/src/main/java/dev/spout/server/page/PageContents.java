package dev.spout.server.page;

import dev.spout.html.Node;

/**
 * Produces the body of a page, once per request. It may also set the page's
 * title, CSS and JavaScript, and bind ajax actions, through the {@link Page} it receives.
 *
 * <pre>{@code
 * PageContents hello = page -> {
 *     page.title("Hello");
 *     return p(text("Hello, " + page.request().queryParameter("name").orElse("world")));
 * };
 * }</pre>
 */
@FunctionalInterface
public interface PageContents {
    Node render(Page page) throws Exception;
}
