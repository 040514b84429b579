package dev.spout.sse;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SseParserTest {

    static String event(String type, String data, String id) {
        return "event type=" + type + " data=" + Recorder.escape(data) + " id=" + Recorder.escape(id);
    }

    @Test
    void aCrAtTheEndOfAChunkAndAnLfAtTheStartOfTheNextAreOneLineEnd() {
        var recorder = new Recorder();
        var parser = new SseParser(recorder);
        parser.feed("data: a\r".getBytes(UTF_8));
        parser.feed("\ndata: b\r".getBytes(UTF_8));
        parser.feed("\n\r".getBytes(UTF_8));
        assertThat(recorder.seen).containsExactly(event("message", "a\nb", ""));
    }

    @Test
    void anEventEndedByCrIsDispatchedWithoutWaitingForTheNextChunk() {
        var recorder = new Recorder();
        var parser = new SseParser(recorder);
        parser.feed("data: now\r\r".getBytes(UTF_8));
        assertThat(recorder.seen).hasSize(1);
    }

    @Test
    void malformedUtf8BecomesReplacementCharacters() {
        byte[] stream = {'d', 'a', 't', 'a', ':', (byte) 0xC3, '(', (byte) 0xFF, '\n', '\n'};
        assertThat(Recorder.parse(stream, 1)).containsExactly(event("message", "\uFFFD(\uFFFD", ""));
    }

    @Test
    void aBomSplitOverThreeChunksIsStillSkipped() {
        byte[] stream = "\uFEFFdata: x\n\n".getBytes(UTF_8);
        assertThat(Recorder.parse(stream, 1)).containsExactly(event("message", "x", ""));
    }

    @Test
    void aBomIsOnlySkippedAtTheStartOfTheStream() {
        assertThat(Recorder.parse("data: x\n\n\uFEFFdata: y\n\n", 0)).containsExactly(event("message", "x", ""));
    }

    @Test
    void aResumedStreamStartsFromTheGivenLastEventId() {
        var recorder = new Recorder();
        var parser = new SseParser(recorder, "41");
        parser.feed("data: x\n\n".getBytes(UTF_8));
        assertThat(recorder.seen).containsExactly(event("message", "x", "41"));
    }

    @Test
    void endDiscardsThePendingEventButKeepsTheLastEventId() {
        var recorder = new Recorder();
        var parser = new SseParser(recorder);
        parser.feed("id: 1\ndata: kept\n\nid: 2\ndata: cut off\n".getBytes(UTF_8));
        parser.end();
        assertThat(parser.lastEventId()).isEqualTo("1");
        parser.feed("data: next\n\n".getBytes(UTF_8));
        assertThat(recorder.seen).containsExactly(event("message", "kept", "1"), event("message", "next", "1"));
    }

    @Test
    void readsHeapAndDirectBuffers() {
        List<String> data = new ArrayList<>();
        var parser = new SseParser((type, d, id) -> data.add(d));
        ByteBuffer direct = ByteBuffer.allocateDirect(32);
        direct.put("data: direct\n\n".getBytes(UTF_8)).flip();
        parser.feed(direct);
        ByteBuffer heap = ByteBuffer.wrap("xxdata: heap\n\n".getBytes(UTF_8));
        heap.position(2);
        parser.feed(heap);
        assertThat(data).containsExactly("direct", "heap");
        assertThat(direct.hasRemaining()).isFalse();
        assertThat(heap.hasRemaining()).isFalse();
    }

    @Test
    void aHugeRetryValueSaturatesInsteadOfOverflowing() {
        assertThat(Recorder.parse("retry: 99999999999999999999999\n\n", 0)).containsExactly("retry " + Long.MAX_VALUE);
    }

    @Test
    void longLinesGrowTheBuffer() {
        String big = "\u00E9".repeat(100_000);
        assertThat(Recorder.parse("data: " + big + "\n\n", 4096)).containsExactly(event("message", big, ""));
    }

    /** The WHATWG UTF-8 decoder's replacements, as browsers apply them: each maximal invalid subpart is one U+FFFD. */
    @Test
    void invalidUtf8IsReplacedAsTheWhatwgDecoderDoes() {
        String r = "\uFFFD";
        Object[][] cases = {
            {new int[] {0xED, 0xA0, 0x80}, r + r + r}, // an encoded surrogate: three errors, not one
            {new int[] {0xE0, 0x80, 0x80}, r + r + r}, // overlong: E0 needs A0..BF next
            {new int[] {0xC0, 0x80}, r + r}, // C0 never starts a sequence
            {new int[] {0xF4, 0x90, 0x80, 0x80}, r + r + r + r}, // above U+10FFFF
            {new int[] {0xF0, 0x9F, 0x98}, r}, // cut off by the end of the line: one error
            {new int[] {0xE2, 0x82, 0x41}, r + "A"}, // cut off by an ASCII byte, which is kept
            {new int[] {0xF0, 0x9F, 0x98, 0x80}, "\uD83D\uDE00"}, // a valid four-byte sequence
            {new int[] {0xE2, 0x82, 0xAC, 0xFF, 0x41}, "\u20AC" + r + "A"},
            {new int[] {0x80, 0xBF}, r + r} // lone continuation bytes
        };
        for (Object[] c : cases) {
            int[] data = (int[]) c[0];
            byte[] stream = new byte[6 + data.length + 2];
            System.arraycopy("data: ".getBytes(UTF_8), 0, stream, 0, 6);
            for (int i = 0; i < data.length; i++) {
                stream[6 + i] = (byte) data[i];
            }
            stream[stream.length - 2] = '\n';
            stream[stream.length - 1] = '\n';
            for (int chunk : new int[] {0, 1, 2}) {
                assertThat(Recorder.parse(stream, chunk))
                        .as("%s in chunks of %d", java.util.Arrays.toString(data), chunk)
                        .containsExactly(event("message", (String) c[1], ""));
            }
        }
    }

    @Test
    void aLineThatNeverEndsIsRefusedAtTheBound() {
        var parser = new SseParser(new Recorder(), "", 1024);
        byte[] chunk = "x".repeat(100).getBytes(UTF_8);
        parser.feed("data: ".getBytes(UTF_8));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> {
                    for (int i = 0; i < 100; i++) { // 10 KB at most: far past the bound
                        parser.feed(chunk);
                    }
                })
                .isInstanceOf(SseParser.TooLargeException.class)
                .hasMessageContaining("longer than 1024 bytes");
    }

    @Test
    void anEventWhoseDataGrowsPastTheBoundIsRefused() {
        var parser = new SseParser(new Recorder(), "", 1024);
        byte[] line = ("data: " + "x".repeat(100) + "\n").getBytes(UTF_8);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> {
                    for (int i = 0; i < 100; i++) {
                        parser.feed(line);
                    }
                })
                .isInstanceOf(SseParser.TooLargeException.class)
                .hasMessageContaining("data of an event");
    }

    @Test
    void manyEventsUnderTheBoundAreFineHoweverLongTheStream() {
        var recorder = new Recorder();
        var parser = new SseParser(recorder, "", 1024);
        byte[] event = ("data: " + "x".repeat(500) + "\n\n").getBytes(UTF_8);
        for (int i = 0; i < 100; i++) {
            parser.feed(event);
        }
        assertThat(recorder.seen).hasSize(100);
    }
}
