package dev.spout.redis;

import dev.spout.server.auth.Session;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * A session as Redis held it when the request found it. Attributes are read from that snapshot and written through
 * to Redis at once, as JSON; a session that expired meanwhile takes no attributes.
 */
final class RedisSession implements Session {
    static final String USER = "u";
    static final String CSRF = "c";
    static final String CREATED = "t";
    private static final String ATTRIBUTE = "a:";
    private static final JsonMapper JSON = JsonMapper.shared();

    private final String id;
    private final @Nullable String user;
    private final String csrfToken;
    private final Instant createdAt;
    private final Map<String, String> attributes; // name to JSON
    private final RedisSessionStore store;

    RedisSession(
            String id,
            @Nullable String user,
            String csrfToken,
            Instant createdAt,
            Map<String, String> attributes,
            RedisSessionStore store) {
        this.id = id;
        this.user = user;
        this.csrfToken = csrfToken;
        this.createdAt = createdAt;
        this.attributes = new java.util.concurrent.ConcurrentHashMap<>(attributes);
        this.store = store;
    }

    static RedisSession of(String id, Map<String, String> fields, RedisSessionStore store) {
        Map<String, String> attributes = new java.util.HashMap<>();
        fields.forEach((field, value) -> {
            if (field.startsWith(ATTRIBUTE)) {
                attributes.put(field.substring(ATTRIBUTE.length()), value);
            }
        });
        String created = fields.getOrDefault(CREATED, "0");
        return new RedisSession(
                id,
                fields.get(USER),
                fields.getOrDefault(CSRF, ""),
                Instant.ofEpochMilli(Long.parseLong(created)),
                attributes,
                store);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Optional<String> user() {
        return Optional.ofNullable(user);
    }

    /** The attribute read as that type; empty if absent or if its JSON is not one. */
    @Override
    public <T> Optional<T> get(String name, Class<T> type) {
        String json = attributes.get(name);
        if (json == null) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(JSON.readValue(json, type));
        } catch (JacksonException notThatType) {
            return Optional.empty();
        }
    }

    /**
     * Stores the value as JSON.
     *
     * @throws IllegalArgumentException if Jackson cannot write the value
     */
    @Override
    public void put(String name, Object value) {
        Objects.requireNonNull(value, "value");
        String json;
        try {
            json = JSON.writeValueAsString(value);
        } catch (JacksonException notJson) {
            throw new IllegalArgumentException(
                    "A session attribute in Redis must be a value Jackson can write: "
                            + value.getClass().getName(),
                    notJson);
        }
        if (store.put(id, ATTRIBUTE + name, json)) {
            attributes.put(name, json);
        }
    }

    @Override
    public void remove(String name) {
        store.remove(id, ATTRIBUTE + name);
        attributes.remove(name);
    }

    @Override
    public Instant createdAt() {
        return createdAt;
    }

    @Override
    public void invalidate() {
        store.invalidate(id);
    }

    @Override
    public String csrfToken() {
        return csrfToken;
    }
}
