package dev.spout.server.page;

import dev.spout.html.Node;
import dev.spout.server.auth.SpoutRequest;
import java.nio.charset.Charset;

/**
 * The page being rendered: its title, styles, scripts and ajax bindings. A {@link PageContents} receives one per
 * request, sets what it needs and returns the body.
 *
 * <pre>{@code
 * app.page("/client", page -> {
 *     page.title("Clock").css("#display { color: blue; }");
 *     return div(Live.connect("sse"), text("Current time: "), span(id("display"), Live.text("message")));
 * });
 * }</pre>
 *
 * <p>Stylesheets go in the head; scripts go at the end of the body, after the contents they work on. A page whose
 * body uses {@code data-spout-*} bindings ({@code dev.spout.live.Live}) or {@link #ajax} gets Spout's small script;
 * a page with ajax bindings gets a session and its CSRF token, which the script sends with every call.
 */
public interface Page {

    /** The request being answered. */
    SpoutRequest request();

    /** The page's {@code <title>}, escaped. */
    Page title(String title);

    /** The document type line (default {@code <!DOCTYPE html>}). */
    Page doctype(String doctype);

    /** The character encoding of the page (default UTF-8), in its {@code Content-Type} and {@code <meta charset>}. */
    Page charset(Charset charset);

    /** Inline CSS, in a {@code <style>} element in the head. */
    Page css(String css);

    /** A stylesheet by URL, as a {@code <link rel="stylesheet">} in the head. */
    Page cssLink(String url);

    /** Inline JavaScript, in a {@code <script>} element at the end of the body ({@code </script} is escaped). */
    Page javascript(String code);

    /** A script by URL, at the end of the body. */
    Page javascriptUrl(String url);

    /** A script by URL, in the head (for scripts that must run before the body is parsed). */
    Page javascriptUrlInHead(String url);

    /**
     * A JavaScript module by URL, as {@code <script type="module">} in the head: a module runs once the document is
     * parsed, whatever its place, so the head lets the browser fetch it early (Datastar's bundle is one).
     */
    Page javascriptModule(String url);

    /** Extra content for the head, such as {@code <meta>} elements. */
    Page head(Node node);

    /**
     * Answers with a redirect instead of the page: 302 for GET and HEAD, 303 after a POST. Returns an empty body,
     * so contents can end with {@code return page.redirect("/next");}.
     */
    Node redirect(String location);

    /**
     * Redirects to where a sign-in page was asked to send the browser back to: the request's {@code next}
     * parameter if it is a path of this site, else {@code fallback}. A {@code next} that would leave the site (an
     * absolute URL, {@code //other-host/x}, {@code /\other-host/x}) is ignored, so a link to the sign-in page
     * cannot send a freshly signed-in user to an attacker's copy of the site.
     */
    Node redirectToNext(String fallback);

    /**
     * Binds a DOM event to server code: when {@code event} fires on an element matching the CSS {@code selector},
     * the browser calls {@code /ajax/<path>} (under this page's prefix) with a POST and {@code handler} runs on the
     * server. The binding uses event delegation, so elements added later are bound too, and carries the session's
     * CSRF token.
     *
     * <p>The handler is registered the first time a page binds the path; later bindings of the same path reuse it,
     * so a handler should take what it needs from its {@link AjaxExchange}, not from variables of one request. The
     * path may have parameters, filled from the page's own: {@code "docs/{doc}/save"} on the page of {@code
     * /docs/{doc}} calls {@code /ajax/docs/7/save} from {@code /docs/7}, and the handler reads {@code doc} from
     * its request.
     */
    default Page ajax(String path, String selector, String event, AjaxHandler handler) {
        return ajax(path, selector, event, AjaxOptions.defaults(), handler);
    }

    /**
     * {@link #ajax(String, String, String, AjaxHandler)} with options: arguments, target, method.
     *
     * @throws IllegalStateException if the path's endpoint was registered for another method
     */
    Page ajax(String path, String selector, String event, AjaxOptions options, AjaxHandler handler);

    /**
     * An absolute URL path for a path of this page's application, with its prefix (see {@link
     * dev.spout.server.Routes#under}).
     */
    String url(String path);
}
