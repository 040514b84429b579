package dev.spout.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback TCP proxy a test controls, for what crosses a network: in front of a Redis, {@link #cut} is a partition
 * (every connection dropped, new ones refused until {@link #restore}); in front of server nodes, {@link #pointAt}
 * moves new connections to another node, as a load balancer does when a node is gone.
 *
 * <pre>{@code
 * try (var balancer = new LoopbackProxy(nodeA.port())) {
 *     var client = SseTestClient.open(URI.create("http://127.0.0.1:" + balancer.port() + "/events"));
 *     balancer.pointAt(nodeB.port());
 *     balancer.cut(); balancer.restore();          // the client reconnects, to node B
 * }
 * }</pre>
 */
public final class LoopbackProxy implements AutoCloseable {
    private final ServerSocket server;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile int target;
    private volatile boolean cut;

    /** A proxy on a free loopback port, passing connections to {@code targetPort} on loopback. */
    public LoopbackProxy(int targetPort) throws IOException {
        this.target = targetPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().name("loopback-proxy").start(this::accept);
    }

    /** The port clients connect to. */
    public int port() {
        return server.getLocalPort();
    }

    /** New connections go to this port from now on; those open stay where they are. */
    public void pointAt(int targetPort) {
        target = targetPort;
    }

    /** Drops every connection through the proxy and refuses new ones until {@link #restore}. */
    public void cut() throws IOException {
        cut = true;
        for (Socket socket : open) {
            socket.close();
        }
        open.clear();
    }

    /** Takes connections again. */
    public void restore() {
        cut = false;
    }

    private void accept() {
        while (!server.isClosed()) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException closed) {
                return;
            }
            try {
                if (cut) {
                    client.close();
                    continue;
                }
                Socket upstream = new Socket();
                upstream.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), target), 2000);
                open.add(client);
                open.add(upstream);
                Thread.ofVirtual().start(() -> pump(client, upstream));
                Thread.ofVirtual().start(() -> pump(upstream, client));
            } catch (IOException refused) { // the target is not there: the client sees its connection end
                close(client);
            }
        }
    }

    private void pump(Socket from, Socket to) {
        try (InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException gone) {
            // one side closed or was cut: the other is closed below, as the network would
        } finally {
            close(from);
            close(to);
            open.remove(from);
            open.remove(to);
        }
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException alreadyGone) {
            // closing a socket that is gone: nothing to tell
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : open) {
            close(socket);
        }
    }
}
