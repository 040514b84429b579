package dev.spout.engine.internal.stream;

import java.util.List;

/**
 * Whether a request's {@code Accept} headers take an event stream: a media range {@code text/event-stream} whose
 * quality is not zero. Written here rather than taken from Jetty's HTTP jar, which the engine does not need
 * otherwise: a comma-separated list of ranges, each with {@code ;}-separated parameters, quoted strings kept whole
 * (RFC 9110, 12.5.1).
 */
final class AcceptHeader {
    private AcceptHeader() {}

    static boolean takes(List<String> values, String mediaType) {
        for (String value : values) {
            int start = 0;
            boolean quoted = false;
            for (int i = 0; i <= value.length(); i++) {
                char c = i < value.length() ? value.charAt(i) : ',';
                if (c == '"' && (i == 0 || value.charAt(i - 1) != '\\')) {
                    quoted = !quoted;
                } else if (c == ',' && !quoted) {
                    if (rangeTakes(value.substring(start, i), mediaType)) {
                        return true;
                    }
                    start = i + 1;
                }
            }
        }
        return false;
    }

    /** Whether one range ({@code type/subtype;param=value;q=0.5}) is the media type with a quality above zero. */
    private static boolean rangeTakes(String range, String mediaType) {
        String[] parts = range.split(";");
        if (!parts[0].trim().equalsIgnoreCase(mediaType)) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].trim();
            if (parameter.length() > 2 && parameter.regionMatches(true, 0, "q=", 0, 2)) {
                try {
                    return Double.parseDouble(parameter.substring(2).trim()) > 0;
                } catch (NumberFormatException malformed) {
                    return false;
                }
            }
        }
        return true;
    }
}
