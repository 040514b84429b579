package dev.spout.server;

import dev.spout.engine.EngineOptions;
import dev.spout.server.auth.SessionStore;
import dev.spout.server.page.PageTemplate;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Settings of a Spout application, with production defaults: the engine's ({@link EngineOptions}: heartbeats,
 * bounds, limits, the broker) and those of Spout's own server (TLS, HTTP/2, CORS, sessions, pages, request bounds).
 * Set them in {@link Spout#create(java.util.function.Consumer)}.
 *
 * <pre>{@code
 * var app = Spout.create(options -> options
 *         .heartbeat(Duration.ofSeconds(15))          // a comment on every idle stream
 *         .maxQueuedBytes(512 * 1024)                 // then the slow-client policy applies
 *         .maxStreams(15_000).maxStreamsPerAddress(50)     // per client address (an IPv6 /64)
 *         .cors(List.of("https://app.example.com"), true));
 * }</pre>
 */
public final class SpoutOptions extends EngineOptions<SpoutOptions> {
    boolean http2 = true;
    int http2MaxConcurrentStreams = 1024;

    @Nullable
    Path keyStore;

    @Nullable
    String keyStorePassword;

    List<String> corsOrigins = List.of();
    boolean corsCredentials;
    SessionStore sessions = SessionStore.inMemory(Duration.ofHours(8));
    String sessionCookie = "SPOUT_SESSION";
    String loginPath = "/login";
    boolean csrfProtection = true;

    @Nullable
    PageTemplate template;

    SecurityHeaders securityHeaders = SecurityHeaders.defaults();
    Duration requestHeadTimeout = Duration.ofSeconds(10);
    Duration requestBodyTimeout = Duration.ofSeconds(30);
    int maxConnections = ConnectionBudget.defaultMaxConnections();
    int maxRequestBody = 1024 * 1024;
    int maxFormFields = 1000;

    /** The defaults; most applications adjust them in {@code Spout.create(options -> ...)} instead. */
    public SpoutOptions() {}

    @Override
    protected SpoutOptions self() {
        return this;
    }

    /**
     * Whether to speak HTTP/2 beside HTTP/1.1 (default true): cleartext h2c (prior knowledge or upgrade), and h2 by
     * ALPN under TLS. One browser then holds any number of streams on one connection.
     */
    public SpoutOptions http2(boolean enabled) {
        this.http2 = enabled;
        return this;
    }

    /** The most streams one HTTP/2 connection may carry at once (default 1024). */
    public SpoutOptions http2MaxConcurrentStreams(int streams) {
        this.http2MaxConcurrentStreams = positive(streams, "http2MaxConcurrentStreams");
        return this;
    }

    /** Serves HTTPS (with h2 by ALPN) instead of cleartext, with the key and certificate of a PKCS#12 key store. */
    public SpoutOptions tls(Path keyStore, String password) {
        this.keyStore = Objects.requireNonNull(keyStore, "keyStore");
        this.keyStorePassword = Objects.requireNonNull(password, "password");
        return this;
    }

    /**
     * Lets pages of these origins open streams cross-origin ({@code new EventSource(url, {withCredentials})}); with
     * {@code credentials}, cookies are allowed too. Other origins get no CORS headers, so browsers refuse them.
     */
    public SpoutOptions cors(List<String> origins, boolean credentials) {
        this.corsOrigins = List.copyOf(origins);
        this.corsCredentials = credentials;
        return this;
    }

    /**
     * Where sessions live (default: in memory, forgotten after 8 idle hours). Several nodes behind a proxy need a
     * shared store, such as spout-redis's {@code RedisSessionStore.connect(uri)}; a store that is {@link AutoCloseable} is closed
     * with the application.
     */
    public SpoutOptions sessions(SessionStore store) {
        this.sessions = Objects.requireNonNull(store, "store");
        return this;
    }

    /** The name of the session cookie (default {@code SPOUT_SESSION}). */
    public SpoutOptions sessionCookie(String name) {
        this.sessionCookie = Objects.requireNonNull(name, "name");
        return this;
    }

    /** Where a page that requires a user sends a stranger, with {@code ?next=<path>} (default /login). */
    public SpoutOptions loginPath(String path) {
        this.loginPath = Objects.requireNonNull(path, "path");
        return this;
    }

    /**
     * Whether requests that may change something are checked for cross-site forgery (default true): ajax calls
     * must carry the session's CSRF token and a same-site {@code Origin}; forms posted to pages must not come from
     * another site ({@code Origin}, {@code Sec-Fetch-Site}). Turn off only for APIs that authenticate each call
     * otherwise.
     */
    public SpoutOptions csrfProtection(boolean enabled) {
        this.csrfProtection = enabled;
        return this;
    }

    /** The template every page is wrapped in, unless it opts out (default none). */
    public SpoutOptions template(PageTemplate template) {
        this.template = Objects.requireNonNull(template, "template");
        return this;
    }

    /** The protective headers on every response (default {@link SecurityHeaders#defaults()}). */
    public SpoutOptions securityHeaders(SecurityHeaders headers) {
        this.securityHeaders = Objects.requireNonNull(headers, "headers");
        return this;
    }

    /**
     * How long a client may take to send a request's line and headers, from its first byte (default 10 seconds).
     * A client that trickles them (one header every few seconds keeps an idle timeout from ever firing) is
     * disconnected, so it cannot hold connections open with a few bytes each.
     */
    public SpoutOptions requestHeadTimeout(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("The request head timeout must be positive, got " + timeout);
        }
        this.requestHeadTimeout = timeout;
        return this;
    }

    /**
     * How long a request's body may take to arrive, from the end of its head (default 30 seconds), over HTTP/1.x and
     * HTTP/2: a client trickling a body (a byte every few seconds keeps an idle timeout from firing) is answered
     * {@code 408} if a handler reads it, and its connection or HTTP/2 stream is closed.
     */
    public SpoutOptions requestBodyTimeout(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("The request body timeout must be positive, got " + timeout);
        }
        this.requestBodyTimeout = timeout;
        return this;
    }

    /**
     * The most connections open at once (default: the process's limit of open files less 500, for its other files,
     * Redis and the like; 19,500 where that limit is 20,000). Past it, new connections wait in the accept queue until
     * one closes, rather than the process running out of file descriptors, when every accept and every other file
     * it opens fails.
     */
    public SpoutOptions maxConnections(int connections) {
        this.maxConnections = positive(connections, "maxConnections");
        return this;
    }

    /**
     * The largest request body a plain endpoint ({@code Routes.post} and the like), a page or an ajax endpoint
     * reads, in bytes (default 1 MiB); a bigger one is answered {@code 413} without calling the handler.
     */
    public SpoutOptions maxRequestBody(int bytes) {
        this.maxRequestBody = positive(bytes, "maxRequestBody");
        return this;
    }

    /**
     * The most fields a form body may carry, every value of a repeated name counted (default 1,000); a form with
     * more is answered {@code 413} without calling the page, ajax or endpoint handler that reads it.
     */
    public SpoutOptions maxFormFields(int fields) {
        this.maxFormFields = positive(fields, "maxFormFields");
        return this;
    }
}
