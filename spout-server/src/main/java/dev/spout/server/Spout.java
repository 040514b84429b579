package dev.spout.server;

import java.net.URI;
import java.util.function.Consumer;
import org.eclipse.jetty.alpn.server.ALPNServerConnectionFactory;
import org.eclipse.jetty.http2.server.HTTP2CServerConnectionFactory;
import org.eclipse.jetty.http2.server.HTTP2ServerConnectionFactory;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.VirtualThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Spout application: pages, Server-Sent Events endpoints and broadcast topics on an embedded Jetty 12 server. The
 * Java successor of awful-sse: {@link #ssePage} is {@code define-page/sse}, {@link SseStream#send} is {@code
 * send-sse-data}, {@link SseStream#retry} is {@code send-sse-retry}.
 *
 * <pre>{@code
 * var app = Spout.create();
 * app.ssePage("/client",
 *         page -> {
 *             page.javascript("new EventSource('sse').onmessage = e => "
 *                     + "document.getElementById('display').textContent = e.data;");
 *             return div(text("Current time: "), span(id("display")));
 *         },
 *         "/sse",
 *         sse -> {
 *             while (true) {
 *                 sse.send(Instant.now().toString());
 *                 Thread.sleep(1000);
 *             }
 *         });
 * Topic news = app.topic("news");            // one stream, every client
 * app.sse("/news", news);
 * app.start(8080);
 * news.publish("Spout is up");
 * }</pre>
 *
 * <p>Routes and topics can be added before or after {@link #start}. {@link #close} stops accepting, ends every
 * stream cleanly (clients then reconnect, here or elsewhere) and stops the server.
 */
public final class Spout implements Routes, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Spout.class);

    private final SpoutOptions options;
    private final Server server;
    private final ServerConnector connector;
    private final Engine engine;
    private final Mount root;

    private Spout(SpoutOptions options) {
        this.options = options;
        var threads = platformThreads();
        server = new Server(threads);
        var http = new HttpConfiguration();
        connector = new ServerConnector(server, connectionFactories(options, http));
        var headDeadline = new RequestHeadDeadline(options.requestHeadTimeout, connector.getScheduler());
        http.addCustomizer(headDeadline);
        connector.addEventListener(headDeadline);
        connector.setIdleTimeout(options.writeTimeout.toMillis());
        // After a restart or a failover every client reconnects at once: a deep accept queue (capped by the kernel's
        // somaxconn) takes the storm instead of dropping connections (Jetty's default queue is the JDK's 50).
        connector.setAcceptQueueSize(4096);
        server.addConnector(connector);
        engine = new Engine(options, server.getByteBufferPool(), threads);
        var router = new Router();
        router.add(SpoutScript.PATH, new SpoutScript());
        Handler handler = router;
        if (!options.corsOrigins.isEmpty()) {
            handler = new CorsHandler(options.corsOrigins, options.corsCredentials, handler);
        }
        handler = new SecurityHeaders.Applied(options.securityHeaders, handler);
        server.setHandler(handler);
        root = new Mount(router, engine, "");
    }

    /**
     * Jetty's threads. Request handling (pages, ajax, a stream's first request and its authorizer) runs on virtual
     * threads, as Jetty's guide recommends; the platform threads are left the selectors, the acceptor and
     * non-blocking work, so a few per core suffice. With Jetty's defaults (200 platform threads, some kept in
     * reserve to run handlers) a reconnect storm of 10,000 clients started all 200, and their stacks stayed
     * resident: about 2 KiB of memory per stream, measured with the bench's idle scenario.
     */
    private static QueuedThreadPool platformThreads() {
        var handlers = new VirtualThreadPool();
        handlers.setName("spout-handler");
        var threads = new QueuedThreadPool(16 + 8 * Runtime.getRuntime().availableProcessors());
        threads.setName("spout");
        threads.setVirtualThreadsExecutor(handlers);
        // A reserved platform thread would run a blocking handler in place of a virtual one.
        threads.setReservedThreads(0);
        return threads;
    }

    /** A new application with the default settings, not yet started. */
    public static Spout create() {
        return new Spout(new SpoutOptions());
    }

    /** A new application with adjusted settings, not yet started. */
    public static Spout create(Consumer<SpoutOptions> settings) {
        var options = new SpoutOptions();
        settings.accept(options);
        return new Spout(options);
    }

    @Override
    public Topic topic(String name) {
        return root.topic(name);
    }

    @Override
    public Topic topic(String name, Consumer<TopicOptions> settings) {
        return root.topic(name, settings);
    }

    @Override
    public Spout page(String path, PageContents contents) {
        root.page(path, contents);
        return this;
    }

    @Override
    public Spout page(String path, PageOptions options, PageContents contents) {
        root.page(path, options, contents);
        return this;
    }

    @Override
    public Spout ssePage(String path, PageOptions options, PageContents contents, String ssePath, SseHandler handler) {
        root.ssePage(path, options, contents, ssePath, handler);
        return this;
    }

    @Override
    public Spout ssePage(String path, PageOptions options, PageContents contents, String ssePath, Topic topic) {
        root.ssePage(path, options, contents, ssePath, topic);
        return this;
    }

    @Override
    public Spout sse(String path, Authorizer authorizer, SseHandler handler) {
        root.sse(path, authorizer, handler);
        return this;
    }

    @Override
    public Spout ssePage(String path, PageContents contents, String ssePath, SseHandler handler) {
        root.ssePage(path, contents, ssePath, handler);
        return this;
    }

    @Override
    public Spout ssePage(String path, PageContents contents, String ssePath, Topic topic) {
        root.ssePage(path, contents, ssePath, topic);
        return this;
    }

    @Override
    public Spout sse(String path, SseHandler handler) {
        root.sse(path, handler);
        return this;
    }

    @Override
    public Spout sse(String path, Topic topic) {
        root.sse(path, topic);
        return this;
    }

    @Override
    public Spout ajax(String path, AjaxHandler handler) {
        root.ajax(path, handler);
        return this;
    }

    @Override
    public Routes under(String prefix) {
        return root.under(prefix);
    }

    @Override
    public String path(String path) {
        return root.path(path);
    }

    /** Starts serving on all interfaces at the port; 0 picks a free one (see {@link #port()}). */
    public Spout start(int port) {
        return start(null, port);
    }

    /** Starts serving on one interface (for example {@code 127.0.0.1}) at the port. */
    public Spout start(String host, int port) {
        connector.setHost(host);
        connector.setPort(port);
        try {
            server.start();
        } catch (Exception failure) {
            throw new IllegalStateException(
                    "Cannot start Spout on port " + port + ": " + failure.getMessage(), failure);
        }
        engine.start();
        LOG.info("Spout is serving {}", uri());
        return this;
    }

    /** The port the server listens on, once started. */
    public int port() {
        return connector.getLocalPort();
    }

    /** The server's base URI, such as {@code http://localhost:8080/}. */
    public URI uri() {
        String host = connector.getHost() == null ? "localhost" : connector.getHost();
        return URI.create((options.keyStore == null ? "http" : "https") + "://" + host + ":" + port() + "/");
    }

    /** The number of SSE streams open right now. */
    public int openStreams() {
        return engine.streams.size();
    }

    /** Counters and gauges: streams, heartbeats, slow clients, and per topic published, delivered, dropped, replayed. */
    public SpoutStats stats() {
        return engine.snapshot();
    }

    /** The topics of this application, in no particular order. */
    public java.util.List<Topic> topics() {
        return java.util.List.copyOf(engine.topics.values());
    }

    /** The embedded Jetty server, for what Spout does not offer (its connectors, handlers, thread pool). */
    public Server jetty() {
        return server;
    }

    /**
     * Stops gracefully: no new connections or streams, every stream ended cleanly (each client sees the end and
     * reconnects, to this server once it is back or to another node), then, after at most the shutdown timeout,
     * the server stops and everything is released.
     */
    @Override
    public void close() {
        engine.stopping = true;
        connector.setAccepting(false);
        engine.streams.stopAll();
        try {
            if (!engine.awaitExchanges(options.shutdownTimeout)) {
                LOG.warn("Some streams did not end within {}; stopping anyway", options.shutdownTimeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            server.stop();
        } catch (Exception failure) {
            throw new IllegalStateException("Cannot stop Spout: " + failure.getMessage(), failure);
        } finally {
            engine.stop();
            engine.topics.values().forEach(LocalTopic::close);
            options.broker.close();
        }
    }

    private static ConnectionFactory[] connectionFactories(SpoutOptions options, HttpConfiguration http) {
        http.setSendServerVersion(false);
        http.setNotifyRemoteAsyncErrors(true);
        var http1 = new HttpConnectionFactory(http);
        if (options.keyStore == null) {
            if (!options.http2) {
                return new ConnectionFactory[] {http1};
            }
            var h2c = new HTTP2CServerConnectionFactory(http);
            h2c.setMaxConcurrentStreams(options.http2MaxConcurrentStreams);
            h2c.setStreamIdleTimeout(options.writeTimeout.toMillis());
            return new ConnectionFactory[] {http1, h2c};
        }
        http.addCustomizer(new SecureRequestCustomizer());
        var ssl = new SslContextFactory.Server();
        ssl.setKeyStorePath(options.keyStore.toString());
        ssl.setKeyStorePassword(options.keyStorePassword);
        if (!options.http2) {
            return new ConnectionFactory[] {new SslConnectionFactory(ssl, http1.getProtocol()), http1};
        }
        var h2 = new HTTP2ServerConnectionFactory(http);
        h2.setMaxConcurrentStreams(options.http2MaxConcurrentStreams);
        h2.setStreamIdleTimeout(options.writeTimeout.toMillis());
        var alpn = new ALPNServerConnectionFactory(h2.getProtocol(), http1.getProtocol());
        alpn.setDefaultProtocol(http1.getProtocol());
        return new ConnectionFactory[] {new SslConnectionFactory(ssl, alpn.getProtocol()), alpn, h2, http1};
    }
}
