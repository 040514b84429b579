package dev.spout.redis;

/**
 * Redis stream entry ids ({@code <milliseconds>-<sequence>}): recognised, ordered and dated without building
 * anything (they are compared on every message a node receives). Written by hand: Lettuce hands ids over as strings
 * and has no comparison of its own.
 */
final class StreamEntryIds {
    private StreamEntryIds() {}

    /** Whether {@code id} is a stream entry id: two decimal numbers of up to 19 digits, joined by a dash. */
    static boolean isStreamId(String id) {
        return id != null && id.matches("\\d{1,19}-\\d{1,19}");
    }

    /** The time an entry was added, in milliseconds since the epoch (the first part of its id). */
    static long millis(String id) {
        return Long.parseLong(id.substring(0, id.indexOf('-')));
    }

    /** The order of two entry ids in their stream: negative if {@code a} comes first. */
    static int compare(String a, String b) {
        int dashA = a.indexOf('-');
        int dashB = b.indexOf('-');
        int first = Long.compare(Long.parseLong(a, 0, dashA, 10), Long.parseLong(b, 0, dashB, 10));
        return first != 0
                ? first
                : Long.compare(
                        Long.parseLong(a, dashA + 1, a.length(), 10), Long.parseLong(b, dashB + 1, b.length(), 10));
    }
}
