package dev.spout.live;

import dev.spout.html.Attribute;
import dev.spout.html.Html;

/**
 * Attributes that make a page live without page JavaScript: Spout's page script reads them. An element with {@link
 * #connect} opens the stream; elements inside it show events by type; {@link Patch} and {@link LiveState} events
 * apply anywhere on the page. Reconnection is the browser's; the page shows when it is disconnected.
 *
 * <pre>{@code
 * div(Live.connect(page.url("/sse")),
 *     text("Current time: "), span(Live.text("message")),         // the latest "message" event's data
 *     ul(id("messages"), Live.appendHtml("chat")),                 // each "chat" event's HTML appended
 *     span(Live.state("one")),                                     // the value "one" of LiveState events
 *     span(Live.offline(), text("Reconnecting...")))               // shown only while disconnected
 * }</pre>
 */
public final class Live {
    private Live() {}

    /** Opens an EventSource on this URL; bindings inside this element follow it. */
    public static Attribute connect(String url) {
        return Html.attr("data-spout-connect", url);
    }

    /** The element's text is the data of the latest event of this type. */
    public static Attribute text(String eventType) {
        return Html.attr("data-spout-text", eventType);
    }

    /** Each event of this type, whose data is HTML the server rendered, is appended to the element. */
    public static Attribute appendHtml(String eventType) {
        return Html.attr("data-spout-append", eventType);
    }

    /** Each event of this type, whose data is HTML the server rendered, is prepended to the element. */
    public static Attribute prependHtml(String eventType) {
        return Html.attr("data-spout-prepend", eventType);
    }

    /** The element shows the named value of {@link LiveState} events. */
    public static Attribute state(String name) {
        return Html.attr("data-spout-state", name);
    }

    /** The element's text is "connected" or "reconnecting". */
    public static Attribute status() {
        return Html.attr("data-spout-status", null);
    }

    /** The element is shown only while the stream is disconnected. */
    public static Attribute offline() {
        return Html.attr("data-spout-offline", null);
    }

    /**
     * Where a failed ajax call shows its reason: the server's plain-text answer (a handler's {@code respondText} with
     * an error status), else the status. The nearest such element around the bound element is used, else the
     * page's first; a page without one gets an alert box at its top, so a failure never goes unseen. A success of
     * the same binding hides it again. The bound element also receives a cancelable {@code spout:error} event
     * (detail: {@code status}, {@code message}); cancelling it shows nothing.
     *
     * <pre>{@code
     * form(id("say"), ..., p(Live.errors()))
     * }</pre>
     */
    public static Attribute errors() {
        return Html.attr("data-spout-errors", null);
    }
}
