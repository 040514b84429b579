package dev.spout.server;

import dev.spout.broker.internal.log.Logs;
import dev.spout.engine.SpoutEngine;
import dev.spout.engine.auth.Authorizer;
import dev.spout.engine.host.EngineFront;
import dev.spout.engine.host.EngineHost;
import dev.spout.engine.stream.SseHandler;
import dev.spout.engine.topic.SubscriptionHandler;
import dev.spout.engine.topic.Topic;
import dev.spout.engine.topic.TopicOptions;
import dev.spout.server.http.HttpHandler;
import dev.spout.server.http.StaticFiles;
import dev.spout.server.internal.JettyServer;
import dev.spout.server.internal.RoutesImpl;
import dev.spout.server.internal.ServerParts;
import dev.spout.server.internal.auth.Sessions;
import dev.spout.server.internal.endpoint.EndpointSettings;
import dev.spout.server.internal.http.CorsHandler;
import dev.spout.server.internal.http.FormBody;
import dev.spout.server.internal.http.Router;
import dev.spout.server.internal.http.SecurityHeadersHandler;
import dev.spout.server.internal.http.UnreadBodyHandler;
import dev.spout.server.internal.page.PageSettings;
import dev.spout.server.internal.page.SpoutScript;
import dev.spout.server.page.AjaxHandler;
import dev.spout.server.page.PageContents;
import dev.spout.server.page.PageOptions;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.function.Consumer;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;

/**
 * A Spout application: pages, Server-Sent Events endpoints and broadcast topics on an embedded Jetty 12 server.
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
public final class Spout extends EngineFront implements Routes, SpoutEngine, AutoCloseable {
    private static final Logger LOG = Logs.logger(Spout.class);

    private final SpoutOptions options;
    private final Server server;
    private final ServerConnector connector;
    private final RoutesImpl root;

    private Spout(SpoutOptions options) {
        this(options, new Server(JettyServer.threads()));
    }

    private Spout(SpoutOptions options, Server server) {
        // The engine fans out on Jetty's threads and gathers its writes in Jetty's buffers.
        super(EngineHost.with(options)
                .fanOutOn(server.getThreadPool())
                .buffers(server.getByteBufferPool())
                .start());
        this.options = options;
        this.server = server;
        connector = JettyServer.connector(
                server,
                new JettyServer.Settings(
                        options.http2,
                        options.http2MaxConcurrentStreams,
                        options.keyStore,
                        options.keyStorePassword,
                        options.writeTimeout(),
                        options.requestHeadTimeout,
                        options.requestBodyTimeout,
                        options.maxConnections));
        var bodies = new FormBody(options.maxRequestBody, options.maxFormFields);
        var parts = new ServerParts(
                host(),
                new Sessions(options.sessions, options.sessionCookie, host()::endSession),
                new PageSettings(
                        options.loginPath, options.csrfProtection, options.corsOrigins, options.template, bodies),
                server.getByteBufferPool());
        var router = new Router();
        router.add(SpoutScript.PATH, new SpoutScript());
        Handler handler = router;
        if (!options.corsOrigins.isEmpty()) {
            handler = new CorsHandler(options.corsOrigins, options.corsCredentials, handler);
        }
        server.setHandler(new UnreadBodyHandler(new SecurityHeadersHandler(options.securityHeaders, handler)));
        root = new RoutesImpl(router, parts, new EndpointSettings(bodies, options.corsOrigins, server), "");
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
    public Routes page(String path, PageOptions options, PageContents contents) {
        return root.page(path, options, contents);
    }

    @Override
    public Routes route(String method, String path, Authorizer authorizer, HttpHandler handler) {
        return root.route(method, path, authorizer, handler);
    }

    @Override
    public Routes staticFiles(String prefix, StaticFiles files) {
        return root.staticFiles(prefix, files);
    }

    @Override
    public Routes ssePage(String path, PageOptions options, PageContents contents, String ssePath, SseHandler handler) {
        return root.ssePage(path, options, contents, ssePath, handler);
    }

    @Override
    public Routes ssePage(String path, PageOptions options, PageContents contents, String ssePath, Topic topic) {
        return root.ssePage(path, options, contents, ssePath, topic);
    }

    @Override
    public Routes sse(String path, Authorizer authorizer, SseHandler handler) {
        return root.sse(path, authorizer, handler);
    }

    @Override
    public Routes sse(String path, Topic topic) {
        return root.sse(path, topic);
    }

    @Override
    public Routes ajax(String path, AjaxHandler handler) {
        return root.ajax(path, handler);
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
    public Routes subscribe(String path, SubscriptionHandler handler) {
        return root.subscribe(path, handler);
    }

    @Override
    public Routes subscriptionPage(
            String path, PageOptions options, PageContents contents, String ssePath, SubscriptionHandler handler) {
        return root.subscriptionPage(path, options, contents, ssePath, handler);
    }

    @Override
    public Routes topicPattern(String pattern, Consumer<TopicOptions> settings) {
        return root.topicPattern(pattern, settings);
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
    public Spout start(@Nullable String host, int port) {
        connector.setHost(host);
        connector.setPort(port);
        try {
            server.start();
        } catch (Exception failure) {
            throw new IllegalStateException(
                    JettyServer.portInUse(failure)
                            ? "Cannot start Spout: port " + port + " is in use"
                                    + (host == null ? "" : " on " + host)
                                    + " (another server listens there; choose another port, or 0 for a free one)"
                            : "Cannot start Spout on port " + port + ": " + failure.getMessage(),
                    failure);
        }
        InetSocketAddress bound = address();
        LOG.info(
                "Spout is listening on {}: {}",
                bound.getAddress().isAnyLocalAddress()
                        ? "every interface, port " + bound.getPort()
                        : bound.getAddress().getHostAddress() + " only, port " + bound.getPort(),
                uri());
        return this;
    }

    /**
     * The address the server listens on, once started; a wildcard address ({@code 0.0.0.0} or {@code ::}) means every
     * interface, as {@link #start(int)} binds.
     */
    public InetSocketAddress address() {
        return JettyServer.address(connector);
    }

    /** The port the server listens on, once started. */
    public int port() {
        return connector.getLocalPort();
    }

    /**
     * The server's base URI, such as {@code http://localhost:8080/}: {@code localhost} when it listens on every
     * interface, else the host it was started on.
     */
    public URI uri() {
        return JettyServer.uri(connector, options.keyStore != null);
    }

    /**
     * The URI of a path on this server, such as {@code http://127.0.0.1:8080/sse} for {@code uri("/sse")}: what a
     * client (or a test) connects to.
     */
    public URI uri(String path) {
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("A path must start with '/': \"" + path + "\"");
        }
        return uri().resolve(path);
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
        connector.setAccepting(false);
        host().endStreams();
        try {
            server.stop();
        } catch (Exception failure) {
            throw new IllegalStateException("Cannot stop Spout: " + failure.getMessage(), failure);
        } finally {
            host().release();
            closeSessions();
        }
        LOG.info("Spout has stopped: every stream ended, the server closed");
    }

    /** A session store with a connection of its own (Redis) is closed with the application that was given it. */
    private void closeSessions() {
        if (options.sessions instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception failure) {
                LOG.warn("The session store did not close cleanly", failure);
            }
        }
    }
}
