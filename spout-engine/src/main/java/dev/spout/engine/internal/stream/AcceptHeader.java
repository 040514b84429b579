package dev.spout.engine.internal.stream;

import java.util.List;

/**
 * What a request's {@code Accept} headers say of an event stream, read as HTTP reads them (RFC 9110, 12.5.1): no
 * header at all accepts anything; the most specific range that matches {@code text/event-stream} ({@code
 * text/event-stream}, then {@code text/*}, then {@code *}{@code /*}) gives its quality, and a quality of zero refuses
 * it. So {@code curl}, Python, Node's {@code fetch} and Go, which send {@code *}{@code /*} or nothing, get the stream.
 * Written here rather than taken from Jetty's HTTP jar, which the engine does not need otherwise: a comma-separated
 * list of ranges, each with {@code ;}-separated parameters, quoted strings kept whole.
 */
final class AcceptHeader {
    private static final String EVENT_STREAM = "text/event-stream";
    private static final int NOT_LISTED = -1;

    // The qualities (in thousandths) of the ranges that matter here, each the highest listed; -1 if not listed.
    private boolean any;
    private int exact = NOT_LISTED;
    private int textWildcard = NOT_LISTED;
    private int anyWildcard = NOT_LISTED;
    private int html = NOT_LISTED;

    private AcceptHeader() {}

    /** The values of a request's {@code Accept} headers, read once. */
    static AcceptHeader read(List<String> values) {
        var header = new AcceptHeader();
        for (String value : values) {
            int start = 0;
            boolean quoted = false;
            for (int i = 0; i <= value.length(); i++) {
                char c = i < value.length() ? value.charAt(i) : ',';
                if (c == '"' && (i == 0 || value.charAt(i - 1) != '\\')) {
                    quoted = !quoted;
                } else if (c == ',' && !quoted) {
                    header.range(value.substring(start, i));
                    start = i + 1;
                }
            }
        }
        return header;
    }

    /** Whether a response of {@code text/event-stream} is acceptable. */
    boolean takesStream() {
        if (!any) {
            return true; // no header, or only empty ones: anything
        }
        int quality = exact != NOT_LISTED ? exact : textWildcard != NOT_LISTED ? textWildcard : anyWildcard;
        return quality > 0;
    }

    /**
     * Whether this is a browser navigating to the stream's address (typed in, or a link followed): it names {@code
     * text/html} and does not name {@code text/event-stream}, which {@code EventSource} always does.
     */
    boolean isNavigation() {
        return html > 0 && exact == NOT_LISTED;
    }

    /** One range: {@code type/subtype;param=value;q=0.5}. */
    private void range(String range) {
        String[] parts = range.split(";");
        String type = parts[0].trim();
        if (type.isEmpty()) {
            return;
        }
        any = true;
        int quality = quality(parts);
        if (type.equalsIgnoreCase(EVENT_STREAM)) {
            exact = Math.max(exact, quality);
        } else if (type.equalsIgnoreCase("text/*")) {
            textWildcard = Math.max(textWildcard, quality);
        } else if (type.equals("*/*")) {
            anyWildcard = Math.max(anyWildcard, quality);
        } else if (type.equalsIgnoreCase("text/html") || type.equalsIgnoreCase("application/xhtml+xml")) {
            html = Math.max(html, quality);
        }
    }

    /** The range's {@code q} in thousandths: 1000 without one, 0 for one that is not a number. */
    private static int quality(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].trim();
            if (parameter.length() > 2 && parameter.regionMatches(true, 0, "q=", 0, 2)) {
                try {
                    double q = Double.parseDouble(parameter.substring(2).trim());
                    return q > 0 && q <= 1 ? (int) Math.ceil(q * 1000) : 0;
                } catch (NumberFormatException malformed) {
                    return 0;
                }
            }
        }
        return 1000;
    }
}
