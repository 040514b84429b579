package dev.spout.server;

import java.net.URI;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Spout application: pages and Server-Sent Events endpoints on an embedded Jetty 12 server. The Java successor
 * of awful-sse: {@link #ssePage} is {@code define-page/sse}, {@link SseStream#send} is {@code send-sse-data}, {@link
 * SseStream#retry} is {@code send-sse-retry}.
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
 * app.start(8080);
 * }</pre>
 *
 * <p>Routes can be added before or after {@link #start}. {@link #close} ends every stream cleanly (clients then
 * reconnect) and stops the server.
 */
public final class Spout implements Routes, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Spout.class);

    private final Server server;
    private final ServerConnector connector;
    private final StreamRegistry streams = new StreamRegistry();
    private final Mount root;

    private Spout() {
        var threads = new QueuedThreadPool();
        threads.setName("spout");
        server = new Server(threads);
        var http = new HttpConfiguration();
        http.setSendServerVersion(false);
        connector = new ServerConnector(server, new HttpConnectionFactory(http));
        server.addConnector(connector);
        var router = new Router();
        server.setHandler(router);
        root = new Mount(router, streams, "");
    }

    /** A new application, not yet started. */
    public static Spout create() {
        return new Spout();
    }

    @Override
    public Spout page(String path, PageContents contents) {
        root.page(path, contents);
        return this;
    }

    @Override
    public Spout ssePage(String path, PageContents contents, String ssePath, SseHandler handler) {
        root.ssePage(path, contents, ssePath, handler);
        return this;
    }

    @Override
    public Spout sse(String path, SseHandler handler) {
        root.sse(path, handler);
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
        return URI.create("http://" + host + ":" + port() + "/");
    }

    /** The number of SSE streams open right now. */
    public int openStreams() {
        return streams.size();
    }

    /** The embedded Jetty server, for what Spout does not offer (its connectors, handlers, thread pool). */
    public Server jetty() {
        return server;
    }

    /** Ends every stream cleanly and stops the server. */
    @Override
    public void close() {
        streams.stopAll();
        try {
            server.stop();
        } catch (Exception failure) {
            throw new IllegalStateException("Cannot stop Spout: " + failure.getMessage(), failure);
        }
    }
}
