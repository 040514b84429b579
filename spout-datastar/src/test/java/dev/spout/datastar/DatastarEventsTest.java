package dev.spout.datastar;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spout.datastar.PatchElements.Mode;
import dev.spout.sse.SseEncoder;
import dev.spout.sse.SseEvent;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatastarEventsTest {

    private static String wire(SseEvent event) {
        return new String(SseEncoder.encode(event), UTF_8);
    }

    @Test
    void elementsWithDatastarsDefaultsAreOnlyTheirLines() {
        assertThat(wire(PatchElements.of("<div id=\"a\">1</div>").event()))
                .isEqualTo("event: datastar-patch-elements\ndata: elements <div id=\"a\">1</div>\n\n");
    }

    @Test
    void everyOptionIsALineAndEveryLineOfHtmlItsOwn() {
        var event = PatchElements.of("<li>\r\n  one\r  two\n</li>")
                .into("#list > ul", Mode.APPEND)
                .withViewTransition(true)
                .event()
                .withId("e1")
                .withRetry(Duration.ofSeconds(2));
        assertThat(wire(event)).isEqualTo("""
                        id: e1
                        event: datastar-patch-elements
                        retry: 2000
                        data: selector #list > ul
                        data: mode append
                        data: useViewTransition true
                        data: elements <li>
                        data: elements   one
                        data: elements   two
                        data: elements </li>

                        """);
    }

    @Test
    void svgAndMathMlElementsSayTheirNamespace() {
        assertThat(wire(PatchElements.of("<circle id=\"dot\" r=\"4\"/>")
                        .in(PatchElements.Namespace.SVG)
                        .event()))
                .isEqualTo(
                        "event: datastar-patch-elements\ndata: namespace svg\ndata: elements <circle id=\"dot\" r=\"4\"/>\n\n");
        assertThat(wire(PatchElements.of("<mi id=\"x\">x</mi>")
                        .in(PatchElements.Namespace.MATHML)
                        .event()))
                .contains("data: namespace mathml\n");
    }

    @Test
    void everyModeHasItsDatastarName() {
        assertThat(List.of(Mode.values()).stream().map(Mode::wire))
                .containsExactly("outer", "inner", "replace", "prepend", "append", "before", "after", "remove");
        assertThat(wire(PatchElements.of("<p id=x></p>").withMode(Mode.OUTER).event()))
                .doesNotContain("mode");
    }

    @Test
    void removalIsBySelectorOrByTheElementsIds() {
        assertThat(wire(PatchElements.remove("#a, #b").event()))
                .isEqualTo("event: datastar-patch-elements\ndata: selector #a, #b\ndata: mode remove\n\n");
        assertThat(wire(PatchElements.of("<div id=\"a\"></div>")
                        .withMode(Mode.REMOVE)
                        .event()))
                .isEqualTo(
                        "event: datastar-patch-elements\ndata: mode remove\ndata: elements <div id=\"a\"></div>\n\n");
    }

    @Test
    void aSelectorCannotForgeLinesAndAPatchNeedsSomethingToPatch() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> PatchElements.remove("#a\nelements <script>alert(1)</script>")
                        .event())
                .withMessageContaining("selector must be one line");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> PatchElements.of(""))
                .withMessageContaining("needs elements");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> PatchElements.remove(" "))
                .withMessageContaining("blank");
    }

    @Test
    void signalsAreCompactJsonFromAnyObjectOrJsonTextKeptAsItIs() {
        var signals = new LinkedHashMap<String, Object>();
        signals.put("one", 1);
        signals.put("nested", Map.of("gone", List.of()));
        signals.put("removed", null);
        assertThat(wire(PatchSignals.of(signals).event()))
                .isEqualTo(
                        "event: datastar-patch-signals\ndata: signals {\"one\":1,\"nested\":{\"gone\":[]},\"removed\":null}\n\n");
        record Counter(int count, String label) {}
        assertThat(wire(PatchSignals.of(new Counter(3, "a\nb")).ifMissing().event()))
                .isEqualTo("event: datastar-patch-signals\ndata: onlyIfMissing true\n"
                        + "data: signals {\"count\":3,\"label\":\"a\\nb\"}\n\n");
        assertThat(wire(PatchSignals.json("{\n\"a\": 1}").event()))
                .isEqualTo("event: datastar-patch-signals\ndata: signals {\ndata: signals \"a\": 1}\n\n");
    }

    @Test
    void signalsThatAreNotAJsonObjectAreRefused() {
        assertThatThrownBy(() -> PatchSignals.json("[1]"))
                .isInstanceOf(InvalidSignalsException.class)
                .hasMessageContaining("JSON object");
        assertThatThrownBy(() -> PatchSignals.json("{\"a\": "))
                .isInstanceOf(InvalidSignalsException.class)
                .hasMessageContaining("not JSON");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> PatchSignals.of(List.of(1, 2)))
                .withMessageContaining("JSON object");
    }

    @Test
    void aScriptIsAnAppendedElementThatRemovesItself() {
        assertThat(wire(ExecuteScript.of("if (a) {\n  go();\n}").event())).isEqualTo("""
                        event: datastar-patch-elements
                        data: selector body
                        data: mode append
                        data: elements <script data-effect="el.remove()">if (a) {
                        data: elements   go();
                        data: elements }</script>

                        """);
        assertThat(ExecuteScript.of("go()")
                        .withAttribute("type", "module")
                        .withAttribute("data-x", "\"<&>\"")
                        .withAutoRemove(false)
                        .patch()
                        .elements())
                .isEqualTo("<script type=\"module\" data-x=\"&quot;&lt;&amp;&gt;&quot;\">go()</script>");
    }

    @Test
    void aScriptCannotEndItsElementEarlyNorNameABadAttribute() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ExecuteScript.of("x = '</SCRIPT><img src=x onerror=alert(1)>'"))
                .withMessageContaining("</script");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ExecuteScript.of("go()").withAttribute("onload=alert(1) x", "1"))
                .withMessageContaining("Not an attribute name");
    }

    @Test
    void signalsAreReadAsAMapOrBoundToARecord() {
        assertThat(Signals.read("{\"query\":\"spout\",\"page\":2,\"tags\":[\"a\"]}"))
                .containsEntry("query", "spout")
                .containsEntry("page", 2)
                .containsEntry("tags", List.of("a"));
        record Search(String query, int page) {}
        assertThat(Signals.read("{\"query\":\"spout\",\"page\":2}", Search.class))
                .isEqualTo(new Search("spout", 2));
        assertThatThrownBy(() -> Signals.read("{\"query\":\"spout\",\"page\":\"two\"}", Search.class))
                .isInstanceOf(InvalidSignalsException.class)
                .hasMessageContaining("Search");
    }

    @Test
    void readingIsBoundedInSizeAndDepth() {
        String deep = "{\"a\":".repeat(Signals.MAX_DEPTH + 1) + "1" + "}".repeat(Signals.MAX_DEPTH + 1);
        assertThatThrownBy(() -> Signals.read(deep))
                .isInstanceOf(InvalidSignalsException.class)
                .hasMessageContaining("depth");
        String big = "{\"a\":\"" + "x".repeat(Signals.MAX_LENGTH) + "\"}";
        assertThatThrownBy(() -> Signals.read(big))
                .isInstanceOf(InvalidSignalsException.class)
                .hasMessageContaining("at most " + Signals.MAX_LENGTH);
        assertThatThrownBy(() -> Signals.read("\"text\""))
                .isInstanceOf(InvalidSignalsException.class)
                .hasMessageContaining("JSON object");
    }
}
