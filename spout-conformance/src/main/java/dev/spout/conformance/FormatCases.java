package dev.spout.conformance;

import java.util.List;

/**
 * The parsing cases of the web-platform-tests {@code eventsource/format-*} files, re-derived from the WHATWG
 * standard ("Parsing an event stream", "Interpreting an event stream") and the tests' descriptions, plus the
 * edge cases around them.
 *
 * <pre>{@code
 * for (FormatCase c : FormatCases.all()) {
 *     assertThat(readThroughMyClient(c.bytes())).isEqualTo(c.expected());
 * }
 * }</pre>
 */
public final class FormatCases {
    private static final String LONG = "x".repeat(2049);

    private FormatCases() {}

    public static List<FormatCase> all() {
        return List.of(
                new FormatCase(
                        "format-bom: one leading BOM is skipped, a later one is part of a field name",
                        "\uFEFFdata:1\n\n\uFEFFdata:2\n\ndata:3\n\n",
                        List.of(event("message", "1", ""), event("message", "3", ""))),
                new FormatCase(
                        "format-bom-2: only the first of two BOMs is skipped",
                        "\uFEFF\uFEFFdata:1\n\ndata:2\n\ndata:3\n\n",
                        List.of(event("message", "2", ""), event("message", "3", ""))),
                new FormatCase(
                        "format-comments: comments in every line ending do not break the event",
                        "data:1\r:\0\n:\r\ndata:2\n:" + LONG + "\rdata:3\n:data:fail\r:" + LONG + "\ndata:4\n\n",
                        List.of(
                                comment("\0"),
                                comment(""),
                                comment(LONG),
                                comment("data:fail"),
                                comment(LONG),
                                event("message", "1\n2\n3\n4", ""))),
                new FormatCase(
                        "format-data-before-final-empty-line: an unterminated event is discarded",
                        "retry:1000\ndata:test1\n\nid:test\ndata:test2",
                        List.of(new Seen.Retry(1000), event("message", "test1", ""))),
                new FormatCase(
                        "format-field-data: empty data dispatches, bare 'data' appends a line",
                        "data:\n\ndata\ndata\n\ndata:test\n\n",
                        List.of(event("message", "", ""), event("message", "\n", ""), event("message", "test", ""))),
                new FormatCase(
                        "format-field-event: the event type applies to one block only",
                        "event:test\ndata:x\n\ndata:x\n\n",
                        List.of(event("test", "x", ""), event("message", "x", ""))),
                new FormatCase(
                        "format-field-event-empty: an empty event type means message",
                        "event: \ndata:data\n\n",
                        List.of(event("message", "data", ""))),
                new FormatCase(
                        "format-field-id: the id is reported with the event",
                        "id: \u2026\ndata: hello\n\n",
                        List.of(event("message", "hello", "\u2026"))),
                new FormatCase(
                        "format-field-id-2: ids persist from block to block",
                        "id: 1\ndata: a\n\ndata: b\n\nid: 2\ndata: c\n\n",
                        List.of(event("message", "a", "1"), event("message", "b", "1"), event("message", "c", "2"))),
                new FormatCase(
                        "format-field-id-3: 'id:' and a bare 'id' reset the last event id",
                        "id: 1\ndata: 1\n\nid:\ndata: 2\n\nid: 3\ndata: 3\n\nid\ndata: 4\n\n",
                        List.of(
                                event("message", "1", "1"),
                                event("message", "2", ""),
                                event("message", "3", "3"),
                                event("message", "4", ""))),
                new FormatCase(
                        "format-field-id-null: an id containing NUL is ignored",
                        "id: 1\ndata: a\n\nid: 2\0\ndata: b\n\n",
                        List.of(event("message", "a", "1"), event("message", "b", "1"))),
                new FormatCase(
                        "an id-only block updates the last event id without dispatching",
                        "id: 7\n\ndata: after\n\n",
                        List.of(event("message", "after", "7"))),
                new FormatCase(
                        "format-field-parsing: field names are exact and case-sensitive",
                        "data:\0\ndata:  2\rData:1\ndata\0:2\ndata:1\r\0data:4\nda-ta:3\rdata_5\ndata:3\rdata:\r\n"
                                + " data:32\ndata:4\n\n",
                        List.of(event("message", "\0\n 2\n1\n3\n\n4", ""))),
                new FormatCase(
                        "format-field-retry: leading zeros are digits",
                        "retry:03000\ndata:x\n\n",
                        List.of(new Seen.Retry(3000), event("message", "x", ""))),
                new FormatCase(
                        "format-field-retry-bogus: a value with a non-digit is ignored",
                        "retry:3000\nretry:1000x\ndata:x\n\n",
                        List.of(new Seen.Retry(3000), event("message", "x", ""))),
                new FormatCase(
                        "format-field-retry-empty: a bare 'retry' is ignored",
                        "retry\ndata:test\n\n",
                        List.of(event("message", "test", ""))),
                new FormatCase(
                        "retry with a sign or a space inside is ignored",
                        "retry: -5\nretry:+5\nretry: 1 0\nretry:  10\ndata:x\n\n",
                        List.of(event("message", "x", ""))),
                new FormatCase(
                        "format-field-unknown: unknown fields and text without colon are ignored",
                        "data:test\n data\ndata\nfoobar:xxx\njustsometext\n:thisisacommentyay\ndata:test\n\n",
                        List.of(comment("thisisacommentyay"), event("message", "test\n\ntest", ""))),
                new FormatCase(
                        "format-leading-space: only one leading space is removed",
                        "data:\ttest\rdata: \ndata:test\n\n",
                        List.of(event("message", "\ttest\n\ntest", ""))),
                new FormatCase(
                        "format-newlines: CRLF, LF and CR all end lines",
                        "data:test\r\ndata\ndata:test\r\n\r\n",
                        List.of(event("message", "test\n\ntest", ""))),
                new FormatCase(
                        "format-null-character: NUL in data is kept",
                        "data:\0\n\n\n\n",
                        List.of(event("message", "\0", ""))),
                new FormatCase(
                        "format-utf-8: multi-byte characters survive any chunking",
                        "data:ok\u2026 \uD83D\uDE00 \u00E9\n\n",
                        List.of(event("message", "ok\u2026 \uD83D\uDE00 \u00E9", ""))),
                new FormatCase(
                        "a lone CR then another line end makes two line ends",
                        "data:a\r\rdata:b\n\n",
                        List.of(event("message", "a", ""), event("message", "b", ""))),
                new FormatCase(
                        "a final line without line end is discarded at end of stream",
                        "data:a\n\ndata:b\n",
                        List.of(event("message", "a", ""))));
    }

    private static Seen.Event event(String type, String data, String lastEventId) {
        return new Seen.Event(type, data, lastEventId);
    }

    private static Seen.Comment comment(String text) {
        return new Seen.Comment(text);
    }
}
