package dev.spout.sse;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * A streaming parser for {@code text/event-stream}, following the WHATWG HTML Living Standard, "Parsing an event
 * stream" and "Interpreting an event stream", to the letter.
 *
 * <p>Feed it bytes as they arrive, in chunks of any size: chunk boundaries may fall anywhere, including inside a
 * CRLF pair or a UTF-8 sequence. A single leading byte order mark is skipped. Lines end at CRLF, CR or LF. Fields
 * are {@code event}, {@code data}, {@code id} (ignored if it contains NUL) and {@code retry} (only ASCII digits);
 * others are ignored. A blank line dispatches the event, unless its data is empty. At {@link #end()} an event that
 * was not ended by a blank line is discarded, never dispatched.
 *
 * <pre>{@code
 * var parser = new SseParser((type, data, lastEventId) -> System.out.println(type + ": " + data));
 * parser.feed("event: greeting\r\ndata: hel".getBytes(UTF_8));
 * parser.feed("lo\r\n\r\n".getBytes(UTF_8));   // prints "greeting: hello"
 * parser.end();
 * }</pre>
 *
 * <p>Bytes are decoded as the WHATWG UTF-8 decoder does (each invalid subpart one U+FFFD, as in browsers). A line,
 * or an event's data, longer than a bound (4 MiB unless set) fails {@code feed} with {@link TooLargeException}, so
 * a stream that never ends a line cannot exhaust memory.
 *
 * <p>A parser is not thread-safe: feed it from one thread at a time, as bytes come off one connection.
 */
public final class SseParser {

    /** Receives what the stream says. Only dispatched events are required; the rest default to nothing. */
    @FunctionalInterface
    public interface Listener {
        /**
         * An event was dispatched.
         *
         * @param type the event type: the last {@code event} field of the block, or {@code message}
         * @param data the data lines of the block joined with {@code \n}
         * @param lastEventId the stream's last event id at dispatch (ids persist from block to block)
         */
        void onEvent(String type, String data, String lastEventId);

        /** A comment line: the text after the colon, less one leading space. Useful as a sign of life. */
        default void onComment(String comment) {}

        /** A valid {@code retry} field: the new reconnection delay in milliseconds. */
        default void onRetry(long millis) {}
    }

    /** The default bound on one line and on one event's fields together: 4 MiB. */
    public static final int DEFAULT_MAX_EVENT_BYTES = 4 * 1024 * 1024;

    /**
     * A line, or an event's data, exceeded the parser's bound: a stream that never ends a line (or an event) would
     * otherwise take all the memory there is. The parser is then unusable; so is the stream.
     */
    public static final class TooLargeException extends RuntimeException {
        private final int limit;

        TooLargeException(String message, int limit) {
            super(message);
            this.limit = limit;
        }

        /** The bound that was exceeded, in bytes. */
        public int limit() {
            return limit;
        }
    }

    private static final byte CR = '\r';
    private static final byte LF = '\n';

    private final Listener listener;
    private final int maxEventBytes;
    private byte[] line = new byte[128];
    private int lineLength;
    private boolean afterCr;
    private boolean atStreamStart = true;

    private final StringBuilder data = new StringBuilder();
    private boolean hasData;
    private String eventType = "";
    private String lastEventIdBuffer;
    private String lastEventId;

    /** A parser for a new stream, with an empty last event id. */
    public SseParser(Listener listener) {
        this(listener, "");
    }

    /**
     * A parser for a stream that resumes an earlier one: blocks without an {@code id} field report the given
     * last event id, as a browser's {@code EventSource} does after it reconnects.
     */
    public SseParser(Listener listener, String lastEventId) {
        this(listener, lastEventId, DEFAULT_MAX_EVENT_BYTES);
    }

    /**
     * A parser that refuses, with {@link TooLargeException} from {@code feed}, a line longer than {@code
     * maxEventBytes} or an event whose data is (default {@link #DEFAULT_MAX_EVENT_BYTES}).
     */
    public SseParser(Listener listener, String lastEventId, int maxEventBytes) {
        if (maxEventBytes < 1) {
            throw new IllegalArgumentException("The event bound must be at least one byte, got " + maxEventBytes);
        }
        this.maxEventBytes = maxEventBytes;
        this.listener = Objects.requireNonNull(listener, "listener");
        this.lastEventId = Objects.requireNonNull(lastEventId, "lastEventId");
        this.lastEventIdBuffer = lastEventId;
    }

    /** Parses the next chunk of the stream. */
    public void feed(byte[] chunk) {
        feed(chunk, 0, chunk.length);
    }

    /** Parses the next chunk of the stream: {@code length} bytes of {@code chunk} from {@code offset}. */
    public void feed(byte[] chunk, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, chunk.length);
        int end = offset + length;
        int i = offset;
        if (afterCr && i < end) {
            afterCr = false;
            if (chunk[i] == LF) {
                i++;
            }
        }
        int start = i;
        while (i < end) {
            byte b = chunk[i];
            if (b == CR || b == LF) {
                append(chunk, start, i - start);
                processLine();
                i++;
                if (b == CR) {
                    if (i == end) {
                        afterCr = true;
                    } else if (chunk[i] == LF) {
                        i++;
                    }
                }
                start = i;
            } else {
                i++;
            }
        }
        append(chunk, start, end - start);
    }

    /** Parses the next chunk of the stream: the remaining bytes of {@code chunk}, which it consumes. */
    public void feed(ByteBuffer chunk) {
        if (chunk.hasArray()) {
            feed(chunk.array(), chunk.arrayOffset() + chunk.position(), chunk.remaining());
            chunk.position(chunk.limit());
        } else {
            byte[] copy = new byte[chunk.remaining()];
            chunk.get(copy);
            feed(copy);
        }
    }

    /**
     * The stream ended. A partial line and an event not yet ended by a blank line are discarded, as the standard
     * requires; the last event id survives, so a parser for the next connection can start from it.
     */
    public void end() {
        lineLength = 0;
        afterCr = false;
        data.setLength(0);
        hasData = false;
        eventType = "";
        lastEventIdBuffer = lastEventId;
    }

    /** The last event id: the value of the last {@code id} field of the last dispatched block. */
    public String lastEventId() {
        return lastEventId;
    }

    private void append(byte[] chunk, int from, int length) {
        if (length == 0) {
            return;
        }
        if ((long) lineLength + length > maxEventBytes) {
            throw new TooLargeException(
                    "A line of the stream is longer than " + maxEventBytes + " bytes", maxEventBytes);
        }
        if (lineLength + length > line.length) {
            line = Arrays.copyOf(line, Math.max(line.length * 2, lineLength + length));
        }
        System.arraycopy(chunk, from, line, lineLength, length);
        lineLength += length;
    }

    private void processLine() {
        int from = 0;
        if (atStreamStart) {
            atStreamStart = false;
            if (lineLength >= 3 && line[0] == (byte) 0xEF && line[1] == (byte) 0xBB && line[2] == (byte) 0xBF) {
                from = 3;
            }
        }
        int length = lineLength - from;
        lineLength = 0;
        if (length == 0) {
            dispatch();
            return;
        }
        // CR and LF never occur inside a UTF-8 sequence, so decoding line by line is decoding the stream.
        String text = Utf8.decode(line, from, length);
        int colon = text.indexOf(':');
        if (colon == 0) {
            listener.onComment(valueAfter(text, 0));
        } else if (colon > 0) {
            processField(text.substring(0, colon), valueAfter(text, colon));
        } else {
            processField(text, "");
        }
    }

    private static String valueAfter(String text, int colon) {
        int start = colon + 1;
        if (start < text.length() && text.charAt(start) == ' ') {
            start++;
        }
        return text.substring(start);
    }

    private void processField(String name, String value) {
        switch (name) {
            case "event" -> eventType = value;
            case "data" -> {
                if (data.length() + value.length() >= maxEventBytes) {
                    throw new TooLargeException(
                            "The data of an event of the stream is larger than " + maxEventBytes + " bytes",
                            maxEventBytes);
                }
                data.append(value).append('\n');
                hasData = true;
            }
            case "id" -> {
                if (value.indexOf('\0') < 0) {
                    lastEventIdBuffer = value;
                }
            }
            case "retry" -> {
                long millis = parseDigits(value);
                if (millis >= 0) {
                    listener.onRetry(millis);
                }
            }
            default -> {
                // The standard says to ignore any other field.
            }
        }
    }

    /** The value as a base-ten integer if it is only ASCII digits (saturating at Long.MAX_VALUE), else -1. */
    private static long parseDigits(String value) {
        if (value.isEmpty()) {
            return -1;
        }
        long result = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            result = result > (Long.MAX_VALUE - 9) / 10 ? Long.MAX_VALUE : result * 10 + (c - '0');
        }
        return result;
    }

    private void dispatch() {
        lastEventId = lastEventIdBuffer;
        if (!hasData) {
            eventType = "";
            return;
        }
        data.setLength(data.length() - 1); // the LF after the last data line
        String type = eventType.isEmpty() ? "message" : eventType;
        String payload = data.toString();
        data.setLength(0);
        hasData = false;
        eventType = "";
        listener.onEvent(type, payload, lastEventId);
    }
}
