package dev.spout.sse;

import org.jspecify.annotations.Nullable;

/**
 * Turns events, comments and reconnection delays into the bytes of a {@code text/event-stream}: UTF-8, one field
 * per line, each message ended by a blank line.
 *
 * <p>Data is split on CRLF, lone CR and lone LF into one {@code data: } line per line, so line breaks in data
 * never end an event early. Each call encodes into one exactly sized array, which callers may share read-only
 * between any number of connections (encode once, write many).
 *
 * <pre>{@code
 * byte[] bytes = SseEncoder.encode(SseEvent.of("line one\nline two").withEvent("note").withId("42"));
 * // id: 42\n
 * // event: note\n
 * // data: line one\n
 * // data: line two\n
 * // \n
 * }</pre>
 *
 * <p>An event's {@code retry} field, if it has one, follows its {@code event} line: {@code retry: 2000\n}.
 *
 * <p>Text that is not well-formed UTF-16 (a lone surrogate) cannot be encoded as UTF-8 without losing it, so it
 * is refused with {@link IllegalArgumentException} rather than silently replaced.
 */
public final class SseEncoder {
    private static final String DATA = "data: ";
    private static final String EVENT = "event: ";
    private static final String ID = "id: ";
    private static final String COMMENT = ": ";
    private static final String RETRY = "retry: ";

    private SseEncoder() {}

    /** The bytes of one event, ending with the blank line that makes a client dispatch it. */
    public static byte[] encode(SseEvent event) {
        return encode(event, event.id());
    }

    /**
     * The bytes of one event without its {@code id} line, whatever its id: what an engine encodes once, before the
     * id is known, to add the id later with {@link #withId}.
     */
    public static byte[] encodeWithoutId(SseEvent event) {
        return encode(event, null);
    }

    /**
     * The bytes of an event encoded {@linkplain #encodeWithoutId without its id}, with an {@code id} line in front:
     * the same bytes as {@link #encode} of the event with that id, without encoding its data again.
     *
     * @throws IllegalArgumentException if the id contains CR, LF or NUL
     */
    public static byte[] withId(String id, byte[] encodedWithoutId) {
        SseFields.checkId(id);
        int idSize = Utf8.length(id, 0, id.length());
        byte[] out = new byte[ID.length() + idSize + 1 + encodedWithoutId.length];
        int pos = writeLine(out, 0, ID, id, 0, id.length());
        System.arraycopy(encodedWithoutId, 0, out, pos, encodedWithoutId.length);
        return out;
    }

    /**
     * The size of the {@code event:} line at the start of the event's bytes {@linkplain #encodeWithoutId without
     * its id}, 0 if it has none: what follows it are the {@code data:} lines and the blank line. Lets an engine
     * write the same data under another type without encoding it again.
     */
    public static int eventLineLength(SseEvent event) {
        String name = event.event();
        return name == null || name.isEmpty() ? 0 : EVENT.length() + Utf8.length(name, 0, name.length()) + 1;
    }

    /** The bytes of an {@code event:} line for the name (the type a client dispatches the event as). */
    public static byte[] eventLine(String name) {
        SseFields.checkEventName(name);
        byte[] out = new byte[EVENT.length() + Utf8.length(name, 0, name.length()) + 1];
        writeLine(out, 0, EVENT, name, 0, name.length());
        return out;
    }

    /**
     * The bytes of an {@code id:} line for the id.
     *
     * @throws IllegalArgumentException if the id contains CR, LF or NUL
     */
    public static byte[] idLine(String id) {
        SseFields.checkId(id);
        byte[] out = new byte[ID.length() + Utf8.length(id, 0, id.length()) + 1];
        writeLine(out, 0, ID, id, 0, id.length());
        return out;
    }

    private static byte[] encode(SseEvent event, @Nullable String id) {
        String name = event.event();
        boolean hasName = name != null && !name.isEmpty();
        int size = linesSize(DATA, event.data()) + 1;
        if (id != null) {
            size += ID.length() + Utf8.length(id, 0, id.length()) + 1;
        }
        if (hasName) {
            size += EVENT.length() + Utf8.length(name, 0, name.length()) + 1;
        }
        // After the event line, so an engine that copies an event's bytes from behind its event line (to send it
        // under another type) keeps the delay.
        String retry =
                event.retry() == null ? null : Long.toString(event.retry().toMillis());
        if (retry != null) {
            size += RETRY.length() + retry.length() + 1;
        }
        byte[] out = new byte[size];
        int pos = 0;
        if (id != null) {
            pos = writeLine(out, pos, ID, id, 0, id.length());
        }
        if (hasName) {
            pos = writeLine(out, pos, EVENT, name, 0, name.length());
        }
        if (retry != null) {
            pos = writeLine(out, pos, RETRY, retry, 0, retry.length());
        }
        pos = writeLines(out, pos, DATA, event.data());
        out[pos] = '\n';
        return out;
    }

    /**
     * The bytes of a comment, which clients ignore: one {@code : } line per line of text, then a blank line.
     * Comments keep idle connections alive through proxies.
     */
    public static byte[] comment(String text) {
        byte[] out = new byte[linesSize(COMMENT, text) + 1];
        out[writeLines(out, 0, COMMENT, text)] = '\n';
        return out;
    }

    /**
     * The bytes that set the client's reconnection delay: {@code retry: <millis>} and a blank line.
     *
     * @throws IllegalArgumentException if {@code millis} is negative: the field only takes base-ten digits
     */
    public static byte[] retry(long millis) {
        if (millis < 0) {
            throw new InvalidEventException("A reconnection delay must be zero or more milliseconds, got " + millis);
        }
        String digits = Long.toString(millis);
        byte[] out = new byte[RETRY.length() + digits.length() + 2];
        int pos = writeLine(out, 0, RETRY, digits, 0, digits.length());
        out[pos] = '\n';
        return out;
    }

    /** Size of {@code prefix + line + "\n"} for every line of the text (CRLF, CR and LF all end a line). */
    private static int linesSize(String prefix, String text) {
        int size = 0;
        int start = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\r' || c == '\n') {
                size += prefix.length() + Utf8.length(text, start, i) + 1;
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        return size + prefix.length() + Utf8.length(text, start, n) + 1;
    }

    private static int writeLines(byte[] out, int pos, String prefix, String text) {
        int start = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\r' || c == '\n') {
                pos = writeLine(out, pos, prefix, text, start, i);
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        return writeLine(out, pos, prefix, text, start, n);
    }

    private static int writeLine(byte[] out, int pos, String prefix, String text, int from, int to) {
        for (int i = 0; i < prefix.length(); i++) {
            out[pos++] = (byte) prefix.charAt(i);
        }
        pos = Utf8.write(text, from, to, out, pos);
        out[pos++] = '\n';
        return pos;
    }
}
