package dev.spout.datastar;

import dev.spout.sse.SseEvent;

/**
 * The data of a Datastar event: lines of {@code <name> <value>}, one per line of a value that spans lines (Datastar
 * joins a name's lines again with {@code \n}). A value that must stay on one line (a selector, a mode) is checked
 * here, since a line break in it would start a line of another name.
 */
final class DataLines {
    private final StringBuilder data = new StringBuilder(64);

    /** A value that must fit on one line. */
    DataLines line(String name, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r' || c == '\n') {
                throw new IllegalArgumentException("A Datastar " + name + " must be one line, but has a line break at "
                        + i + ": \"" + abbreviate(value) + "\"");
            }
        }
        return append(name, value, 0, value.length());
    }

    /** A value of any number of lines (CRLF, CR and LF each end one, as the event stream reads them). */
    DataLines lines(String name, String value) {
        int start = 0;
        int n = value.length();
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (c == '\r' || c == '\n') {
                append(name, value, start, i);
                if (c == '\r' && i + 1 < n && value.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        return append(name, value, start, n);
    }

    SseEvent event(String type) {
        return SseEvent.of(data.toString()).withEvent(type);
    }

    private DataLines append(String name, String value, int from, int to) {
        if (!data.isEmpty()) {
            data.append('\n');
        }
        data.append(name).append(' ').append(value, from, to);
        return this;
    }

    static String abbreviate(String value) {
        return value.length() <= 60 ? value : value.substring(0, 60) + "…";
    }
}
