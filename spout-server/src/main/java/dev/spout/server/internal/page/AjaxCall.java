package dev.spout.server.internal.page;

import dev.spout.html.Html;
import dev.spout.html.Node;
import dev.spout.server.auth.SpoutRequest;
import dev.spout.server.internal.endpoint.JsonCodec;
import dev.spout.server.page.AjaxExchange;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** One ajax call as its handler answers it: HTML for a target, updates by element id, or nothing. */
final class AjaxCall implements AjaxExchange {
    /** What the call answers with: a body and its content type. */
    record Answer(String body, String contentType) {}

    private final SpoutRequest request;
    private String html;
    private Map<String, String> updates;
    private int status;

    AjaxCall(SpoutRequest request) {
        this.request = request;
    }

    @Override
    public SpoutRequest request() {
        return request;
    }

    @Override
    public void respond(Node html) {
        this.html = html.render();
    }

    @Override
    public void respondText(String text) {
        respond(Html.text(Objects.requireNonNull(text, "text")));
    }

    @Override
    public void update(String elementId, Node html) {
        if (updates == null) {
            updates = new LinkedHashMap<>();
        }
        updates.put(Objects.requireNonNull(elementId, "elementId"), html.render());
    }

    @Override
    public void status(int status) {
        if (status < 200 || status > 599) {
            throw new IllegalArgumentException("Not an HTTP status for an answer: " + status);
        }
        this.status = status;
    }

    /** The answer, or null for none. Updates go out as a JSON object of element id to HTML. */
    Answer answer() {
        if (updates != null) {
            String json = new String(JsonCodec.write(updates), java.nio.charset.StandardCharsets.UTF_8);
            return new Answer(json, "application/json");
        }
        return html == null ? null : new Answer(html, "text/html;charset=utf-8");
    }

    /** The status the handler chose, or 0. */
    int chosenStatus() {
        return status;
    }
}
