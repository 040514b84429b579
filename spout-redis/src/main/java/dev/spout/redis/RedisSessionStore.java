package dev.spout.redis;

import dev.spout.server.auth.Session;
import dev.spout.server.auth.SessionStore;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Sessions in Redis, so that every node behind a proxy finds every session: a user signed in on one node is still
 * signed in when that node dies and the proxy sends the browser to another. Each session is a hash ({@code
 * spout:session:<id>}: user, CSRF token, creation time, attributes) whose time to live starts again at each request
 * (8 hours for a signed-in user's, 30 minutes for an anonymous one's, by default), so Redis forgets idle sessions by
 * itself. At most 100,000 anonymous sessions are kept (beyond, the least recently used go first, as in memory),
 * indexed by their last activity in a sorted set, so a flood of cookie-less requests cannot fill Redis; signed-in
 * users' sessions are never pushed out. Attributes are stored as JSON (Jackson): {@code put} takes any value Jackson writes, {@code get} reads it
 * back as the type asked for.
 *
 * <pre>{@code
 * var sessions = RedisSessionStore.connect("redis://127.0.0.1:6379");
 * var app = Spout.create(options -> options.sessions(sessions).broker(RedisBroker.create("redis://127.0.0.1:6379")));
 * }</pre>
 *
 * <p>Needs {@code spout-server} (for {@link SessionStore}), which a Spout application has; the broker alone does
 * not. A request whose session Redis cannot be asked for fails (500, logged) rather than passing as anonymous.
 */
public final class RedisSessionStore implements SessionStore, AutoCloseable {
    static final String PREFIX = "spout:session:";
    static final String ANONYMOUS = "spout:sessions-anonymous"; // the index: anonymous sessions by last activity
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(5);

    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;
    private final Duration idle;
    private final Duration anonymousIdle;
    private final int maxAnonymous;

    private RedisSessionStore(String uri, Duration idle, Duration anonymousIdle, int maxAnonymous) {
        if (idle.isNegative() || idle.isZero() || anonymousIdle.isNegative() || anonymousIdle.isZero()) {
            throw new IllegalArgumentException("Session idle times must be positive");
        }
        if (maxAnonymous < 1) {
            throw new IllegalArgumentException("At least one anonymous session must be allowed, got " + maxAnonymous);
        }
        this.maxAnonymous = maxAnonymous;
        RedisURI redis = RedisURI.create(uri);
        redis.setTimeout(COMMAND_TIMEOUT);
        redis.setClientName("spout-sessions");
        this.client = RedisClient.create(redis);
        this.connection = client.connect();
        this.idle = idle;
        this.anonymousIdle = anonymousIdle;
    }

    /** Sessions at that Redis, signed-in ones kept 8 hours after their last request, anonymous ones 30 minutes. */
    public static RedisSessionStore connect(String uri) {
        return connect(uri, Duration.ofHours(8), Duration.ofMinutes(30));
    }

    /** Sessions at that Redis, with the idle times after which signed-in and anonymous ones are forgotten. */
    public static RedisSessionStore connect(String uri, Duration idle, Duration anonymousIdle) {
        return connect(uri, idle, anonymousIdle, 100_000);
    }

    /** As {@link #connect(String, Duration, Duration)}, keeping at most {@code maxAnonymous} anonymous sessions. */
    public static RedisSessionStore connect(String uri, Duration idle, Duration anonymousIdle, int maxAnonymous) {
        return new RedisSessionStore(uri, idle, anonymousIdle, maxAnonymous);
    }

    @Override
    public Optional<Session> find(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            return Optional.empty(); // not an id this store made: no need to ask Redis
        }
        List<Object> fields = await(RedisScripts.SESSION_FIND.run(
                connection.async(),
                ScriptOutputType.MULTI,
                new String[] {PREFIX + id, ANONYMOUS},
                Long.toString(idle.toMillis()),
                Long.toString(anonymousIdle.toMillis()),
                Long.toString(System.currentTimeMillis())));
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i + 1 < fields.size(); i += 2) {
            values.put(String.valueOf(fields.get(i)), String.valueOf(fields.get(i + 1)));
        }
        return Optional.of(RedisSession.of(id, values, this));
    }

    @Override
    public Session create(@Nullable String user) {
        String id = randomId();
        String csrf = randomId();
        long created = System.currentTimeMillis();
        List<String> args = new ArrayList<>(List.of(
                Long.toString((user == null ? anonymousIdle : idle).toMillis()),
                Long.toString(created),
                Integer.toString(user == null ? maxAnonymous : 0),
                RedisSession.CSRF,
                csrf,
                RedisSession.CREATED,
                Long.toString(created)));
        if (user != null) {
            args.add(RedisSession.USER);
            args.add(user);
        }
        await(RedisScripts.SESSION_CREATE.run(
                connection.async(),
                ScriptOutputType.INTEGER,
                new String[] {PREFIX + id, ANONYMOUS},
                args.toArray(String[]::new)));
        return new RedisSession(id, user, csrf, Instant.ofEpochMilli(created), new HashMap<>(), this);
    }

    @Override
    public void invalidate(String id) {
        var commands = connection.async();
        var removed = commands.zrem(ANONYMOUS, PREFIX + id);
        await(commands.del(PREFIX + id).toCompletableFuture());
        await(removed.toCompletableFuture());
    }

    /** Sets an attribute of a session that still exists; false if it expired meanwhile. */
    boolean put(String id, String field, String json) {
        Long set = await(RedisScripts.SESSION_PUT.run(
                connection.async(), ScriptOutputType.INTEGER, new String[] {PREFIX + id}, field, json));
        return set != null && set == 1;
    }

    void remove(String id, String field) {
        await(connection.async().hdel(PREFIX + id, field).toCompletableFuture());
    }

    /** Closes the connection to Redis; {@code Spout.close} calls it for the store it was given. */
    @Override
    public void close() {
        connection.close();
        client.shutdown();
    }

    private static <T> T await(CompletableFuture<T> command) {
        try {
            return command.get(COMMAND_TIMEOUT.toMillis() * 2, TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while asking Redis for a session", interrupted);
        } catch (ExecutionException failed) {
            throw new IllegalStateException(
                    "Redis cannot be asked for sessions: " + failed.getCause(), failed.getCause());
        } catch (TimeoutException slow) {
            throw new IllegalStateException("Redis did not answer for sessions in time", slow);
        }
    }

    private static String randomId() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
