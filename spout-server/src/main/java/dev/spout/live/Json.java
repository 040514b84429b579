package dev.spout.live;

import java.util.Map;

/** The little JSON the live events need: objects of strings, numbers, booleans and nulls. */
final class Json {
    private Json() {}

    static String object(Map<String, ?> values) {
        var out = new StringBuilder("{");
        for (Map.Entry<String, ?> entry : values.entrySet()) {
            if (out.length() > 1) {
                out.append(',');
            }
            string(entry.getKey(), out);
            out.append(':');
            value(entry.getValue(), out);
        }
        return out.append('}').toString();
    }

    static void value(Object value, StringBuilder out) {
        switch (value) {
            case null -> out.append("null");
            case Boolean b -> out.append(b);
            case Integer i -> out.append(i);
            case Long l -> out.append(l);
            case Short s -> out.append(s);
            case Byte b -> out.append(b);
            case Double d when Double.isFinite(d) -> out.append(d);
            case Float f when Float.isFinite(f) -> out.append(f);
            case java.math.BigDecimal d -> out.append(d.toPlainString());
            case java.math.BigInteger i -> out.append(i);
            case CharSequence text -> string(text.toString(), out);
            default ->
                throw new IllegalArgumentException(
                        "A live state value must be a string, a finite number, a boolean or null, got "
                                + value.getClass().getName());
        }
    }

    static void string(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
