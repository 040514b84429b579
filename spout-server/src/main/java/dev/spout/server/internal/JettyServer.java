package dev.spout.server.internal;

import dev.spout.server.internal.http.H2cUpgrade;
import dev.spout.server.internal.http.RequestBodyDeadline;
import dev.spout.server.internal.http.RequestHeadDeadline;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import org.eclipse.jetty.alpn.server.ALPNServerConnectionFactory;
import org.eclipse.jetty.http2.server.HTTP2ServerConnectionFactory;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.VirtualThreadPool;

/** How Spout sets up Jetty: its threads, and one connector for HTTP/1.1 with h2c, or TLS with h2 by ALPN. */
public final class JettyServer {
    private JettyServer() {}

    /**
     * The connector's settings.
     *
     * @param http2 whether to speak HTTP/2 beside HTTP/1.1
     * @param http2MaxConcurrentStreams the most streams one HTTP/2 connection carries
     * @param keyStore a PKCS#12 key store for TLS, or null for cleartext
     * @param keyStorePassword its password
     * @param idleTimeout Jetty's idle timeout (a healthy idle stream is never closed by it)
     * @param requestHeadTimeout how long a request's head may take to arrive
     * @param requestBodyTimeout how long a request's body may take to arrive after its head
     * @param maxConnections the most connections open at once (more wait in the accept queue)
     */
    public record Settings(
            boolean http2,
            int http2MaxConcurrentStreams,
            Path keyStore,
            String keyStorePassword,
            Duration idleTimeout,
            Duration requestHeadTimeout,
            Duration requestBodyTimeout,
            int maxConnections) {}

    /**
     * Jetty's threads. Request handling (pages, ajax, a stream's first request and its authorizer) runs on virtual
     * threads, as Jetty's guide recommends; the platform threads are left the selectors, the acceptor and
     * non-blocking work, so a few per core suffice. With Jetty's defaults (200 platform threads, some kept in
     * reserve to run handlers) a reconnect storm of 10,000 clients started all 200, and their stacks stayed
     * resident: about 2 KiB of memory per stream, measured with the bench's idle scenario.
     */
    public static QueuedThreadPool threads() {
        var handlers = new VirtualThreadPool();
        handlers.setName("spout-handler");
        var threads = new QueuedThreadPool(16 + 8 * Runtime.getRuntime().availableProcessors());
        threads.setName("spout");
        threads.setVirtualThreadsExecutor(handlers);
        // A reserved platform thread would run a blocking handler in place of a virtual one.
        threads.setReservedThreads(0);
        return threads;
    }

    /** The server's one connector, added to it. */
    public static ServerConnector connector(Server server, Settings settings) {
        var http = new HttpConfiguration();
        var connector = new ServerConnector(server, connectionFactories(settings, http));
        var headDeadline = new RequestHeadDeadline(settings.requestHeadTimeout(), connector.getScheduler());
        http.addCustomizer(headDeadline);
        connector.addEventListener(headDeadline);
        http.addCustomizer(new RequestBodyDeadline(settings.requestBodyTimeout(), connector.getScheduler()));
        // Past the limit Jetty stops accepting: new connections wait in the accept queue rather than the process
        // running out of file descriptors (then every accept, and every other file, fails).
        server.addBean(new NetworkConnectionLimit(settings.maxConnections(), connector));
        connector.setIdleTimeout(settings.idleTimeout().toMillis());
        // After a restart or a failover every client reconnects at once: a deep accept queue (capped by the kernel's
        // somaxconn) takes the storm instead of dropping connections (Jetty's default queue is the JDK's 50).
        connector.setAcceptQueueSize(4096);
        server.addConnector(connector);
        return connector;
    }

    private static ConnectionFactory[] connectionFactories(Settings settings, HttpConfiguration http) {
        http.setSendServerVersion(false);
        http.setNotifyRemoteAsyncErrors(true);
        var http1 = new HttpConnectionFactory(http);
        if (settings.keyStore() == null) {
            if (!settings.http2()) {
                return new ConnectionFactory[] {http1};
            }
            var h2c = new H2cUpgrade(http);
            h2c.setMaxConcurrentStreams(settings.http2MaxConcurrentStreams());
            h2c.setStreamIdleTimeout(settings.idleTimeout().toMillis());
            return new ConnectionFactory[] {http1, h2c};
        }
        http.addCustomizer(new SecureRequestCustomizer());
        var ssl = new SslContextFactory.Server();
        ssl.setKeyStorePath(settings.keyStore().toString());
        ssl.setKeyStorePassword(settings.keyStorePassword());
        if (!settings.http2()) {
            return new ConnectionFactory[] {new SslConnectionFactory(ssl, http1.getProtocol()), http1};
        }
        var h2 = new HTTP2ServerConnectionFactory(http);
        h2.setMaxConcurrentStreams(settings.http2MaxConcurrentStreams());
        h2.setStreamIdleTimeout(settings.idleTimeout().toMillis());
        // ALPN's names, compared exactly: "http/1.1", not Jetty's name of its factory ("HTTP/1.1"), which no client
        // offers (one offering only http/1.1 failed its handshake); Jetty finds the factory whatever the case.
        var alpn = new ALPNServerConnectionFactory(h2.getProtocol(), "http/1.1");
        alpn.setDefaultProtocol(http1.getProtocol());
        return new ConnectionFactory[] {new SslConnectionFactory(ssl, alpn.getProtocol()), alpn, h2, http1};
    }

    /** The address {@code connector} listens on, once started. */
    public static InetSocketAddress address(ServerConnector connector) {
        if (connector.getTransport() instanceof ServerSocketChannel channel) {
            try {
                if (channel.getLocalAddress() instanceof InetSocketAddress address) {
                    return address;
                }
            } catch (IOException closed) {
                throw new IllegalStateException("Spout is no longer listening", closed);
            }
        }
        throw new IllegalStateException("Spout is not listening: call start first");
    }

    /**
     * The base URI of {@code connector}, once started: {@code localhost} when it listens on every interface, else the
     * host it was started on (an IPv6 literal in brackets).
     */
    public static URI uri(ServerConnector connector, boolean tls) {
        String host = connector.getHost();
        if (host == null || host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]")) {
            host = "localhost";
        } else if (host.indexOf(':') >= 0 && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        return URI.create((tls ? "https" : "http") + "://" + host + ":" + connector.getLocalPort() + "/");
    }

    /** Whether a failure to start is the port being taken by another server. */
    public static boolean portInUse(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.net.BindException) {
                return true;
            }
        }
        return false;
    }
}
