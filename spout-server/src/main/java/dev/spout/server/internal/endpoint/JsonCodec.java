package dev.spout.server.internal.endpoint;

import dev.spout.engine.HttpStatusException;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** JSON for plain endpoints, by Jackson's shared mapper (its defaults: what a Jackson user expects). */
public final class JsonCodec {
    private static final JsonMapper MAPPER = JsonMapper.shared();

    private JsonCodec() {}

    /** The value as JSON bytes. */
    public static byte[] write(@Nullable Object value) {
        return MAPPER.writeValueAsBytes(value);
    }

    /** The bytes bound to the type; a body that is not JSON of that type is the client's mistake, a 400. */
    public static <T> T read(byte[] body, Class<T> type) {
        try {
            T value = MAPPER.readValue(body, type);
            if (value == null) {
                throw new HttpStatusException(400, "The body is JSON null, not a " + type.getSimpleName());
            }
            return value;
        } catch (JacksonException bad) {
            throw new HttpStatusException(
                    400, "The body is not JSON of a " + type.getSimpleName() + ": " + bad.getOriginalMessage(), bad);
        }
    }
}
