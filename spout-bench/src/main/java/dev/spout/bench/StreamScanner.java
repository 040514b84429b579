package dev.spout.bench;

/**
 * Reads one HTTP/1.1 event-stream response as it arrives, byte by byte, without allocating: the status line, the
 * headers (is it chunked?), the chunk framing, and of the events only what the benchmark needs, the number at the
 * start of the first {@code data:} line (the intended publish time) and the numeric {@code id:}. Fast enough that
 * the load generator is never the bottleneck of what it measures.
 */
final class StreamScanner {
    /** What the scanner reports. */
    interface Sink {
        void delivered(long publishMicros, long id);
    }

    private enum Phase {
        STATUS,
        HEADERS,
        CHUNK_SIZE,
        CHUNK_EXTENSION,
        CHUNK_DATA,
        CHUNK_DATA_END,
        BODY,
        DONE
    }

    private static final byte[] DATA = {'d', 'a', 't', 'a', ':'};
    private static final byte[] ID = {'i', 'd', ':'};
    private static final byte[] CHUNKED = "transfer-encoding: chunked".getBytes();

    private Phase phase = Phase.STATUS;
    int status;
    private int statusDigits;
    private boolean afterSpace;
    private boolean chunked;
    private final byte[] header = new byte[64];
    private int headerLength;
    private long chunkLeft;

    private int linePos;
    private int field; // 0 unknown, 1 data, 2 id, 3 other
    private final byte[] prefix = new byte[5];
    private long number;
    private boolean numberDone;
    private boolean digitsStarted;
    private boolean hasData;
    private long eventMicros;
    private long eventId = -1;

    /** A scanner for a body without HTTP/1.1 framing (the DATA frames of an HTTP/2 stream). */
    static StreamScanner bodyOnly() {
        var scanner = new StreamScanner();
        scanner.phase = Phase.BODY;
        scanner.status = 200;
        return scanner;
    }

    boolean headersDone() {
        return phase.ordinal() > Phase.HEADERS.ordinal();
    }

    void scan(byte[] bytes, int from, int to, Sink sink) {
        int i = from;
        while (i < to) {
            switch (phase) {
                case STATUS -> { // "HTTP/1.1 200 OK": the code is the three digits after the first space
                    byte b = bytes[i++];
                    if (b == '\n') {
                        phase = Phase.HEADERS;
                        headerLength = 0;
                    } else if (afterSpace && statusDigits < 3 && b >= '0' && b <= '9') {
                        status = status * 10 + (b - '0');
                        statusDigits++;
                    } else if (b == ' ') {
                        afterSpace = true;
                    }
                }
                case HEADERS -> {
                    byte b = bytes[i++];
                    if (b == '\r') {
                        continue;
                    }
                    if (b == '\n') {
                        if (headerLength == 0) {
                            phase = chunked ? Phase.CHUNK_SIZE : Phase.BODY;
                            chunkLeft = 0;
                        } else if (matchesIgnoreCase(header, headerLength, CHUNKED)) {
                            chunked = true;
                        }
                        headerLength = 0;
                    } else if (headerLength < header.length) {
                        header[headerLength++] = b;
                    }
                }
                case CHUNK_SIZE -> {
                    byte b = bytes[i++];
                    int digit = Character.digit(b, 16);
                    if (digit >= 0) {
                        chunkLeft = chunkLeft * 16 + digit;
                    } else if (b == '\n') {
                        phase = chunkLeft == 0 ? Phase.DONE : Phase.CHUNK_DATA;
                    } else if (b == ';') {
                        phase = Phase.CHUNK_EXTENSION;
                    }
                }
                case CHUNK_EXTENSION -> {
                    if (bytes[i++] == '\n') {
                        phase = chunkLeft == 0 ? Phase.DONE : Phase.CHUNK_DATA;
                    }
                }
                case CHUNK_DATA -> {
                    int n = (int) Math.min(chunkLeft, to - i);
                    events(bytes, i, i + n, sink);
                    i += n;
                    chunkLeft -= n;
                    if (chunkLeft == 0) {
                        phase = Phase.CHUNK_DATA_END;
                    }
                }
                case CHUNK_DATA_END -> {
                    if (bytes[i++] == '\n') {
                        phase = Phase.CHUNK_SIZE;
                    }
                }
                case BODY -> {
                    events(bytes, i, to, sink);
                    i = to;
                }
                case DONE -> i = to;
            }
        }
    }

    boolean ended() {
        return phase == Phase.DONE;
    }

    private void events(byte[] bytes, int from, int to, Sink sink) {
        for (int i = from; i < to; i++) {
            byte b = bytes[i];
            if (b == '\n') {
                if (linePos == 0) {
                    if (hasData) {
                        sink.delivered(eventMicros, eventId);
                        hasData = false;
                    }
                } else if (field == 1 && !hasData) {
                    eventMicros = number;
                    hasData = true;
                } else if (field == 2) {
                    eventId = numberDone ? -1 : number; // not a plain number (a Redis id): no gap check
                }
                linePos = 0;
                field = 0;
                number = 0;
                numberDone = false;
                digitsStarted = false;
                continue;
            }
            if (b == '\r') {
                continue;
            }
            if (field == 0) {
                if (linePos < prefix.length) {
                    prefix[linePos] = b;
                }
                linePos++;
                if (linePos == ID.length && startsWith(prefix, ID)) {
                    field = 2;
                } else if (linePos == DATA.length && startsWith(prefix, DATA)) {
                    field = 1;
                } else if (linePos >= DATA.length) {
                    field = 3;
                }
                continue;
            }
            linePos++;
            if ((field == 1 || field == 2) && !numberDone) {
                if (b == ' ' && !digitsStarted) {
                    continue; // "data: 123" and "data:123" alike
                }
                digitsStarted = true;
                if (b >= '0' && b <= '9') {
                    number = number * 10 + (b - '0');
                } else {
                    numberDone = true;
                }
            }
        }
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean matchesIgnoreCase(byte[] bytes, int length, byte[] expected) {
        if (length < expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if (Character.toLowerCase(bytes[i]) != expected[i]) {
                return false;
            }
        }
        return true;
    }
}
