package dev.spout.server;

import static dev.spout.html.Html.li;
import static dev.spout.html.Html.span;
import static dev.spout.html.Html.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.spout.live.Live;
import dev.spout.live.LiveState;
import dev.spout.live.Patch;
import dev.spout.sse.SseEvent;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The server side of live pages: patch and state events, and the script that applies them. */
class LiveEventsTest {

    @Test
    void patchesCarryEscapedHtmlAsJson() {
        SseEvent event = Patch.append("messages", li(text("<b>\"hi\"</b>\n"))).event();
        assertThat(event.event()).isEqualTo("spout-patch");
        assertThat(event.data())
                .isEqualTo(
                        "{\"op\":\"append\",\"target\":\"messages\",\"html\":\"<li>&lt;b&gt;\\\"hi\\\"&lt;/b&gt;\\n</li>\"}");
        assertThat(Patch.remove("x").event().data()).isEqualTo("{\"op\":\"remove\",\"target\":\"x\",\"html\":\"\"}");
    }

    @Test
    void stateIsJsonOfSimpleValues() {
        assertThat(LiveState.of("one", true, "label", "a \"b\"").event().data())
                .isEqualTo("{\"one\":true,\"label\":\"a \\\"b\\\"\"}");
        assertThat(LiveState.of("n", 42).event().event()).isEqualTo("spout-state");
        assertThatIllegalArgumentException().isThrownBy(() -> LiveState.of("x", new Object()));
        assertThatIllegalArgumentException().isThrownBy(() -> LiveState.of("x", Double.NaN));
    }

    @Test
    void pagesWithLiveBindingsGetTheScriptWhichIsServedCacheable() throws Exception {
        try (var app = Spout.create();
                var http = HttpClient.newHttpClient()) {
            app.page("/live", page -> span(Live.connect("/sse"), Live.text("message")));
            app.page("/plain", page -> span(text("static")));
            app.start("127.0.0.1", 0);
            URI base = app.uri("/");

            String live = http.send(
                            HttpRequest.newBuilder(base.resolve("/live")).build(), HttpResponse.BodyHandlers.ofString())
                    .body();
            String plain = http.send(
                            HttpRequest.newBuilder(base.resolve("/plain")).build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            assertThat(live).contains("data-spout-connect=\"/sse\"").contains("<script src=\"/_spout/spout.js?v=");
            assertThat(plain).doesNotContain("spout.js");

            String src = live.substring(live.indexOf("/_spout/spout.js?v="), live.indexOf("\"></script>"));
            var script =
                    http.send(HttpRequest.newBuilder(base.resolve(src)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(script.statusCode()).isEqualTo(200);
            assertThat(script.headers().firstValue("Content-Type")).hasValue("text/javascript;charset=utf-8");
            assertThat(script.headers().firstValue("Cache-Control").orElseThrow())
                    .contains("immutable");
            assertThat(script.body()).contains("window.Spout").hasSizeLessThan(12 * 1024); // readable, not minified
        }
    }
}
