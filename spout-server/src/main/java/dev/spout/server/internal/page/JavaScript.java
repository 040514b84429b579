package dev.spout.server.internal.page;

/** Putting values into generated JavaScript and inline scripts safely. */
final class JavaScript {
    private JavaScript() {}

    /**
     * A JavaScript string literal for the value, safe inside an HTML {@code <script>} element: quotes, backslashes,
     * line terminators and {@code < > &} are escaped, so no value can end the string or the script.
     */
    static String quote(String value) {
        var out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '<', '>', '&', '\'', '\u2028', '\u2029' -> out.append(String.format("\\u%04x", (int) c));
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /**
     * Inline script or style text, made unable to close its element early: {@code </script} (any case) becomes
     * {@code <\/script}, which means the same in JavaScript and CSS strings.
     */
    static String inline(String code, String element) {
        String end = "</" + element;
        int at = indexOfIgnoreCase(code, end, 0);
        if (at < 0) {
            return code;
        }
        var out = new StringBuilder(code.length() + 8);
        int from = 0;
        while (at >= 0) {
            out.append(code, from, at).append("<\\/");
            from = at + 2;
            at = indexOfIgnoreCase(code, end, from);
        }
        return out.append(code, from, code.length()).toString();
    }

    private static int indexOfIgnoreCase(String text, String part, int from) {
        for (int i = from; i + part.length() <= text.length(); i++) {
            if (text.regionMatches(true, i, part, 0, part.length())) {
                return i;
            }
        }
        return -1;
    }
}
