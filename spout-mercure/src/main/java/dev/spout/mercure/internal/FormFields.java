package dev.spout.mercure.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The fields of an {@code application/x-www-form-urlencoded} body in their order, repeated names kept (a 0.x
 * publisher repeats {@code topic}): the order matters here, which map-shaped form readers lose. Decoding is the JDK's
 * ({@link URLDecoder}, UTF-8); the body's size is bounded before it gets here, and so is the number of fields.
 *
 * <pre>{@code
 * List<Map.Entry<String, String>> fields = FormFields.read("topic=a&topic=b&data=x");
 * }</pre>
 */
final class FormFields {
    static final int MAX_FIELDS = 256;

    private FormFields() {}

    static List<Map.Entry<String, String>> read(String body) {
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        if (body.isEmpty()) {
            return fields;
        }
        for (String pair : body.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            if (fields.size() == MAX_FIELDS) {
                throw new ProtocolException(413, "A form has at most " + MAX_FIELDS + " fields");
            }
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            try {
                fields.add(new AbstractMap.SimpleImmutableEntry<>(
                        URLDecoder.decode(name, StandardCharsets.UTF_8),
                        URLDecoder.decode(value, StandardCharsets.UTF_8)));
            } catch (IllegalArgumentException bad) {
                throw new ProtocolException(400, "The form is not URL-encoded: " + bad.getMessage());
            }
        }
        return fields;
    }
}
