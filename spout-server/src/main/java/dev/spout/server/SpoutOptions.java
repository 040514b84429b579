package dev.spout.server;

import dev.spout.broker.Broker;
import dev.spout.broker.MemoryBroker;
import dev.spout.server.auth.SessionStore;
import dev.spout.server.page.PageTemplate;
import dev.spout.server.stream.SlowClientPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Settings of a Spout application, with production defaults. Set them in {@link Spout#create(java.util.function.Consumer)}.
 *
 * <pre>{@code
 * var app = Spout.create(options -> options
 *         .heartbeat(Duration.ofSeconds(15))          // a comment on every idle stream
 *         .maxQueuedBytes(512 * 1024)                 // then the slow-client policy applies
 *         .maxStreams(15_000).maxStreamsPerAddress(50)     // per client address (an IPv6 /64)
 *         .cors(List.of("https://app.example.com"), true));
 * }</pre>
 */
public final class SpoutOptions {
    Duration heartbeat = Duration.ofSeconds(15);
    Duration writeTimeout = Duration.ofSeconds(30);
    long maxQueuedBytes = 1024 * 1024;
    SlowClientPolicy slowClients = SlowClientPolicy.disconnect();
    int maxStreams = Integer.MAX_VALUE;
    int maxStreamsPerAddress = 500;
    Duration retryAfter = Duration.ofSeconds(5);
    int maxCheckpoints = 100_000;
    int maxCheckpointsPerClient = 1_000;
    boolean http2 = true;
    int http2MaxConcurrentStreams = 1024;

    @Nullable
    Path keyStore;

    @Nullable
    String keyStorePassword;

    List<String> corsOrigins = List.of();
    boolean corsCredentials;
    Broker broker = new MemoryBroker();
    Duration shutdownTimeout = Duration.ofSeconds(5);
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

    /**
     * A comment is written to every stream that has been idle this long (default 15 seconds), so proxies keep it
     * open and a dead peer is found by the failed write. {@link Duration#ZERO} turns heartbeats off.
     */
    public SpoutOptions heartbeat(Duration interval) {
        if (interval.isNegative()) {
            throw new IllegalArgumentException("The heartbeat interval must not be negative, got " + interval);
        }
        this.heartbeat = interval;
        return this;
    }

    /**
     * How long a write may wait for a client that does not read before the client is disconnected (default 30
     * seconds). Also Jetty's idle timeout; an idle but healthy stream is never closed by it.
     */
    public SpoutOptions writeTimeout(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("The write timeout must be positive, got " + timeout);
        }
        this.writeTimeout = timeout;
        return this;
    }

    /** The most bytes that may wait for one client before the slow-client policy applies (default 1 MiB). */
    public SpoutOptions maxQueuedBytes(long bytes) {
        if (bytes < 1) {
            throw new IllegalArgumentException("The queue bound must be at least one byte, got " + bytes);
        }
        this.maxQueuedBytes = bytes;
        return this;
    }

    /** What happens to a client that cannot keep up (default: {@link SlowClientPolicy#disconnect()}). */
    public SpoutOptions slowClients(SlowClientPolicy policy) {
        this.slowClients = Objects.requireNonNull(policy, "policy");
        return this;
    }

    /** The most streams open at once (default: no limit); more get {@code 503} with {@code Retry-After}. */
    public SpoutOptions maxStreams(int streams) {
        this.maxStreams = positive(streams, "maxStreams");
        return this;
    }

    /**
     * The most streams open at once from one client (default 500): an IPv4 address, or an IPv6 /64 (one host holds a
     * whole /64). More get {@code 503} with {@code Retry-After}. A browser opens at most six per site over HTTP/1.1,
     * so 500 leaves room for an office behind one NAT while no single client takes the ~19,500 streams a process
     * holds. Behind a reverse proxy every client has the proxy's address: raise it there (to {@code
     * Integer.MAX_VALUE}, and bound clients at the proxy).
     */
    public SpoutOptions maxStreamsPerAddress(int streams) {
        this.maxStreamsPerAddress = positive(streams, "maxStreamsPerAddress");
        return this;
    }

    /**
     * How many checkpoints (a stream of several topics saves one, kept an hour or more, so its client can resume on
     * any node) this node's streams may keep: {@code total} in all (default 100,000), and {@code perClient} for the
     * streams of one client address, an IPv6 /64, that have no place behind them yet (default 1,000). A stream that
     * can resume exactly (it came back with an id the store knows, or saved one) keeps doing so; a new one past a
     * bound streams on without a checkpoint, so a client that comes back with its ids gets its topics' gap policy.
     */
    public SpoutOptions maxCheckpoints(int total, int perClient) {
        this.maxCheckpoints = positive(total, "total");
        this.maxCheckpointsPerClient = positive(perClient, "perClient");
        return this;
    }

    /** The {@code Retry-After} sent with a {@code 503} when a stream limit is reached (default 5 seconds). */
    public SpoutOptions retryAfter(Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("Retry-After must not be negative, got " + delay);
        }
        this.retryAfter = delay;
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

    /** Where topics keep their order and history (default: in this process, {@link MemoryBroker}). */
    public SpoutOptions broker(Broker broker) {
        this.broker = Objects.requireNonNull(broker, "broker");
        return this;
    }

    /** How long {@code close()} waits for streams to end cleanly before stopping the server (default 5 seconds). */
    public SpoutOptions shutdownTimeout(Duration timeout) {
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("The shutdown timeout must not be negative, got " + timeout);
        }
        this.shutdownTimeout = timeout;
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

    // What is set, for the engine in another container (spout-servlet) and for an application that reports it.

    /** The heartbeat interval; zero means none. */
    public Duration heartbeat() {
        return heartbeat;
    }

    /** How long one write may wait for a client before the client counts as gone. */
    public Duration writeTimeout() {
        return writeTimeout;
    }

    /** How many bytes may wait for one client before its slow-client policy applies. */
    public long maxQueuedBytes() {
        return maxQueuedBytes;
    }

    /** What happens to a client that falls more than {@link #maxQueuedBytes()} behind. */
    public SlowClientPolicy slowClients() {
        return slowClients;
    }

    /** The most streams open at once. */
    public int maxStreams() {
        return maxStreams;
    }

    /** The most streams open at once from one client address. */
    public int maxStreamsPerAddress() {
        return maxStreamsPerAddress;
    }

    /** What a client refused at a limit is told to wait. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** How many checkpoints this node's streams may keep in all. */
    public int maxCheckpoints() {
        return maxCheckpoints;
    }

    /** How many checkpoints the streams of one client that have no place behind them may keep. */
    public int maxCheckpointsPerClient() {
        return maxCheckpointsPerClient;
    }

    /** Where topics' events are ordered and kept. */
    public Broker broker() {
        return broker;
    }

    /** How long a stop waits for streams to end cleanly. */
    public Duration shutdownTimeout() {
        return shutdownTimeout;
    }

    private static int positive(int value, String name) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, got " + value);
        }
        return value;
    }
}
