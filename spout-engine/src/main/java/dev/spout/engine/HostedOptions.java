package dev.spout.engine;

/**
 * The options of an engine whose host adds none of its own: a Servlet container or Spring WebFlux, which own their
 * connectors, TLS, HTTP/2, CORS and sessions. Every option here applies.
 *
 * <pre>{@code
 * var spout = WebFluxSpout.create(options -> options.heartbeat(Duration.ofSeconds(15)).maxStreamsPerAddress(50));
 * }</pre>
 */
public final class HostedOptions extends EngineOptions<HostedOptions> {
    /** The defaults. */
    public HostedOptions() {}

    @Override
    protected HostedOptions self() {
        return this;
    }
}
