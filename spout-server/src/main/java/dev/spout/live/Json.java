package dev.spout.live;

import dev.spout.server.internal.endpoint.JsonCodec;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON of live events: objects of strings, numbers, booleans and nulls, written by Jackson. Only those values
 * are taken, so that what the page's script receives is always what it can apply.
 */
final class Json {
    private Json() {}

    static String object(Map<String, ?> values) {
        var plain = new LinkedHashMap<String, Object>(values.size() * 2);
        values.forEach((name, value) -> {
            check(value);
            plain.put(name, value instanceof CharSequence text ? text.toString() : value);
        });
        return new String(JsonCodec.write(plain), StandardCharsets.UTF_8);
    }

    static void check(Object value) {
        switch (value) {
            case null -> {}
            case Boolean b -> {}
            case Integer i -> {}
            case Long l -> {}
            case Short s -> {}
            case Byte b -> {}
            case Double d when Double.isFinite(d) -> {}
            case Float f when Float.isFinite(f) -> {}
            case java.math.BigDecimal d -> {}
            case java.math.BigInteger i -> {}
            case CharSequence text -> {}
            default ->
                throw new IllegalArgumentException(
                        "A live state value must be a string, a finite number, a boolean or null, got "
                                + value.getClass().getName());
        }
    }
}
