package dev.spout.sse;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Records what a parser reports, as readable lines, and feeds it in chosen chunk sizes. */
final class Recorder implements SseParser.Listener {
    final List<String> seen = new ArrayList<>();

    @Override
    public void onEvent(String type, String data, String lastEventId) {
        seen.add("event type=" + type + " data=" + escape(data) + " id=" + escape(lastEventId));
    }

    @Override
    public void onComment(String comment) {
        seen.add("comment " + escape(comment));
    }

    @Override
    public void onRetry(long millis) {
        seen.add("retry " + millis);
    }

    static String escape(String s) {
        return "\""
                + s.replace("\\", "\\\\")
                        .replace("\r", "\\r")
                        .replace("\n", "\\n")
                        .replace("\0", "\\0") + "\"";
    }

    /** Parses the whole stream, cut into chunks of {@code chunkSize} bytes (0 means one chunk). */
    static List<String> parse(byte[] stream, int chunkSize) {
        var recorder = new Recorder();
        var parser = new SseParser(recorder);
        int step = chunkSize == 0 ? Math.max(1, stream.length) : chunkSize;
        for (int i = 0; i < stream.length; i += step) {
            parser.feed(stream, i, Math.min(step, stream.length - i));
        }
        parser.end();
        return recorder.seen;
    }

    static List<String> parse(String stream, int chunkSize) {
        return parse(stream.getBytes(StandardCharsets.UTF_8), chunkSize);
    }
}
