package dev.spout.html;

/** The escaping rules of the DSL, in one place. */
final class Escaping {
    private Escaping() {}

    static void text(String value, StringBuilder out) {
        for (int i = 0, n = value.length(); i < n; i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                default -> out.append(c);
            }
        }
    }

    static void attribute(String value, StringBuilder out) {
        for (int i = 0, n = value.length(); i < n; i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
    }

    /** Tag and attribute names are code, not data: only a safe subset of characters is allowed. */
    static void checkName(String name, String what) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("An HTML " + what + " name must not be empty");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (i > 0 && ((c >= '0' && c <= '9') || c == '-' || c == '_' || c == ':' || c == '.'));
            if (!ok) {
                throw new IllegalArgumentException("Not a valid HTML " + what + " name: \"" + name + "\"");
            }
        }
    }
}
