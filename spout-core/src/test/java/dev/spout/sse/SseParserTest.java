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
}
