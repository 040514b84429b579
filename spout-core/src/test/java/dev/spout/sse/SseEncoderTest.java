package dev.spout.sse;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SseEncoderTest {

    static String wire(SseEvent event) {
        return new String(SseEncoder.encode(event), UTF_8);
    }

    @Test
    void writesIdThenEventThenDataThenABlankLine() {
        assertThat(wire(SseEvent.of("hello", "greeting", "7"))).isEqualTo("id: 7\nevent: greeting\ndata: hello\n\n");
    }

    @Test
    void leavesOutAbsentFields() {
        assertThat(wire(SseEvent.of("hello"))).isEqualTo("data: hello\n\n");
    }

    @Test
    void writesTheDefaultTypeWhenAskedTo() {
        assertThat(wire(SseEvent.of("x", "message", null))).isEqualTo("event: message\ndata: x\n\n");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "a\\nb|data: a\\ndata: b\\n\\n",
                "a\\rb|data: a\\ndata: b\\n\\n",
                "a\\r\\nb|data: a\\ndata: b\\n\\n",
                "a\\n\\rb|data: a\\ndata: \\ndata: b\\n\\n",
                "a\\n|data: a\\ndata: \\n\\n",
                "\\r\\n|data: \\ndata: \\n\\n",
                "''|data: \\n\\n",
                "data: forged\\n\\nid: 1|data: data: forged\\ndata: \\ndata: id: 1\\n\\n"
            })
    void splitsDataOnEveryKindOfLineBreak(String data, String expected) {
        assertThat(wire(SseEvent.of(unescape(data)))).isEqualTo(unescape(expected));
    }

    @Test
    void anEmptyIdIsWrittenBecauseItResetsTheClientsLastEventId() {
        assertThat(wire(SseEvent.of("x").withId(""))).isEqualTo("id: \ndata: x\n\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\nb", "a\rb", "a\r\nb", "\n", "x\r"})
    void refusesEventNamesWithLineBreaks(String name) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> SseEvent.of("data").withEvent(name))
                .withMessageContaining("event name");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\nb", "a\rb", "1\r\nevent: forged", "nul\0"})
    void refusesIdsWithLineBreaksOrNul(String id) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> SseEvent.of("data", null, id))
                .withMessageContaining("event id");
    }

    @Test
    void encodesUtf8IncludingSurrogatePairs() {
        var event = SseEvent.of("caf\u00E9 \u20AC \uD83D\uDE80", "\u00FCber", "\u2603");
        assertThat(SseEncoder.encode(event))
                .isEqualTo("id: \u2603\nevent: \u00FCber\ndata: caf\u00E9 \u20AC \uD83D\uDE80\n\n".getBytes(UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\uD800", "a\uDC00b", "\uDBFF\uDBFF", "end\uD83D"})
    void refusesLoneSurrogatesInsteadOfCorruptingThem(String data) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> SseEncoder.encode(SseEvent.of(data)))
                .withMessageContaining("lone surrogate");
    }

    @Test
    void commentsAreSplitIntoCommentLines() {
        assertThat(new String(SseEncoder.comment("keep\nalive"), UTF_8)).isEqualTo(": keep\n: alive\n\n");
        assertThat(new String(SseEncoder.comment(""), UTF_8)).isEqualTo(": \n\n");
    }

    @Test
    void retryIsANonNegativeInteger() {
        assertThat(new String(SseEncoder.retry(Duration.ofSeconds(3).toMillis()), UTF_8))
                .isEqualTo("retry: 3000\n\n");
        assertThat(new String(SseEncoder.retry(0), UTF_8)).isEqualTo("retry: 0\n\n");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> SseEncoder.retry(-1))
                .withMessageContaining("-1");
    }

    @Test
    void anEventMayCarryItsReconnectionDelayAfterItsType() {
        var event = SseEvent.of("x\ny").withEvent("e").withId("7").withRetry(Duration.ofMillis(2500));
        assertThat(new String(SseEncoder.encode(event), UTF_8))
                .isEqualTo("id: 7\nevent: e\nretry: 2500\ndata: x\ndata: y\n\n");
        assertThat(new String(SseEncoder.encodeWithoutId(event.withEvent(null)), UTF_8))
                .isEqualTo("retry: 2500\ndata: x\ndata: y\n\n");
        assertThat(SseEncoder.eventLineLength(event)).isEqualTo("event: e\n".length());
        assertThat(event.withId("8").withData("z").withEvent("f").retry()).isEqualTo(Duration.ofMillis(2500));
        assertThat(event.withRetry(null)).isEqualTo(new SseEvent("x\ny", "e", "7"));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> event.withRetry(Duration.ofMillis(-1)))
                .withMessageContaining("zero or more");
    }

    @Test
    void withersKeepTheOtherFields() {
        var event = SseEvent.of("a").withEvent("e").withId("1").withData("b");
        assertThat(event).isEqualTo(new SseEvent("b", "e", "1"));
        assertThat(event.type()).isEqualTo("e");
        assertThat(SseEvent.of("a").type()).isEqualTo("message");
    }

    private static String unescape(String s) {
        return s.replace("\\n", "\n").replace("\\r", "\r");
    }
}
