package dev.spout.engine;

import dev.spout.broker.Broker;
import dev.spout.broker.MemoryBroker;
import dev.spout.engine.stream.SlowClientPolicy;
import java.time.Duration;
import java.util.Objects;

/**
 * The options every host of the engine honours: heartbeats, write timeout, the slow-client bound and policy, stream
 * limits, checkpoints, the broker and the graceful stop, with production defaults. A host adds its own (Spout's own
 * server: TLS, HTTP/2, sessions, pages); a host that adds none takes {@link HostedOptions}.
 *
 * <pre>{@code
 * var spout = ServletSpout.create(options -> options
 *         .heartbeat(Duration.ofSeconds(15))          // a comment on every idle stream
 *         .maxQueuedBytes(512 * 1024)                 // then the slow-client policy applies
 *         .maxStreams(15_000));
 * }</pre>
 *
 * @param <O> the host's own options, which each setter returns so that they chain
 */
public abstract class EngineOptions<O extends EngineOptions<O>> {
    private Duration heartbeat = Duration.ofSeconds(15);
    private Duration writeTimeout = Duration.ofSeconds(30);
    private long maxQueuedBytes = 1024 * 1024;
    private SlowClientPolicy slowClients = SlowClientPolicy.disconnect();
    private int maxStreams = Integer.MAX_VALUE;
    private int maxStreamsPerAddress = 500;
    private Duration retryAfter = Duration.ofSeconds(5);
    private int maxCheckpoints = 100_000;
    private int maxCheckpointsPerClient = 1_000;
    private Broker broker = new MemoryBroker();
    private Duration shutdownTimeout = Duration.ofSeconds(5);

    /** The defaults. */
    protected EngineOptions() {}

    /** These options as the host's type. */
    protected abstract O self();

    /**
     * A comment is written to every stream that has been idle this long (default 15 seconds), so proxies keep it
     * open and a dead peer is found by the failed write. {@link Duration#ZERO} turns heartbeats off.
     */
    public O heartbeat(Duration interval) {
        if (interval.isNegative()) {
            throw new IllegalArgumentException("The heartbeat interval must not be negative, got " + interval);
        }
        this.heartbeat = interval;
        return self();
    }

    /**
     * How long a write may wait for a client that does not read before the client is disconnected (default 30
     * seconds). On Spout's own server also Jetty's idle timeout; an idle but healthy stream is never closed by it.
     */
    public O writeTimeout(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("The write timeout must be positive, got " + timeout);
        }
        this.writeTimeout = timeout;
        return self();
    }

    /** The most bytes that may wait for one client before the slow-client policy applies (default 1 MiB). */
    public O maxQueuedBytes(long bytes) {
        if (bytes < 1) {
            throw new IllegalArgumentException("The queue bound must be at least one byte, got " + bytes);
        }
        this.maxQueuedBytes = bytes;
        return self();
    }

    /** What happens to a client that cannot keep up (default: {@link SlowClientPolicy#disconnect()}). */
    public O slowClients(SlowClientPolicy policy) {
        this.slowClients = Objects.requireNonNull(policy, "policy");
        return self();
    }

    /** The most streams open at once (default: no limit); more get {@code 503} with {@code Retry-After}. */
    public O maxStreams(int streams) {
        this.maxStreams = positive(streams, "maxStreams");
        return self();
    }

    /**
     * The most streams open at once from one client (default 500): an IPv4 address, or an IPv6 /64 (one host holds a
     * whole /64). More get {@code 503} with {@code Retry-After}. A browser opens at most six per site over HTTP/1.1,
     * so 500 leaves room for an office behind one NAT while no single client takes the ~19,500 streams a process
     * holds. Behind a reverse proxy every client has the proxy's address: raise it there (to {@code
     * Integer.MAX_VALUE}, and bound clients at the proxy).
     */
    public O maxStreamsPerAddress(int streams) {
        this.maxStreamsPerAddress = positive(streams, "maxStreamsPerAddress");
        return self();
    }

    /** The {@code Retry-After} sent with a {@code 503} when a stream limit is reached (default 5 seconds). */
    public O retryAfter(Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("Retry-After must not be negative, got " + delay);
        }
        this.retryAfter = delay;
        return self();
    }

    /**
     * How many checkpoints (a stream of several topics saves one, kept an hour or more, so its client can resume on
     * any node) this node's streams may keep: {@code total} in all (default 100,000), and {@code perClient} for the
     * streams of one client address, an IPv6 /64, that have no place behind them yet (default 1,000). A stream that
     * can resume exactly (it came back with an id the store knows, or saved one) keeps doing so; a new one past a
     * bound streams on without a checkpoint, so a client that comes back with its ids gets its topics' gap policy.
     */
    public O maxCheckpoints(int total, int perClient) {
        this.maxCheckpoints = positive(total, "total");
        this.maxCheckpointsPerClient = positive(perClient, "perClient");
        return self();
    }

    /** Where topics keep their order and history (default: in this process, {@link MemoryBroker}). */
    public O broker(Broker broker) {
        this.broker = Objects.requireNonNull(broker, "broker");
        return self();
    }

    /** How long {@code close()} waits for streams to end cleanly before stopping the server (default 5 seconds). */
    public O shutdownTimeout(Duration timeout) {
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("The shutdown timeout must not be negative, got " + timeout);
        }
        this.shutdownTimeout = timeout;
        return self();
    }

    // What is set, for the engine and for an application that reports it.

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

    /** The value if it is at least 1. */
    protected static int positive(int value, String name) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, got " + value);
        }
        return value;
    }
}
