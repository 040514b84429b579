package dev.spout.bench;

import dev.spout.bench.common.TlsConnection;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.HdrHistogram.Recorder;

/**
 * One selector thread and the connections it owns. An {@code https://} stream's connection has its own
 * {@link TlsConnection} (an {@code SSLEngine}, by hand: plain NIO has no other TLS), which the same thread drives.
 */
final class LoadWorker implements Runnable {
    final int index;
    final Selector selector;
    final ConcurrentLinkedQueue<Object[]> toOpen = new ConcurrentLinkedQueue<>();
    final AtomicLong deliveries = new AtomicLong();
    final AtomicLong errors = new AtomicLong();
    final AtomicLong gaps = new AtomicLong();
    final AtomicLong connected = new AtomicLong();
    /** Why connections failed (a status, an exception's class), and how often: for the generator's summary. */
    final java.util.concurrent.ConcurrentHashMap<String, AtomicLong> failures =
            new java.util.concurrent.ConcurrentHashMap<>();

    final Recorder latency = new Recorder(3);
    final ByteBuffer buffer = ByteBuffer.allocateDirect(256 * 1024);
    final byte[] bytes = new byte[256 * 1024];
    final List<SocketChannel> channels = new ArrayList<>();
    final ByteBuffer plaintext = ByteBuffer.wrap(bytes);
    volatile boolean running = true;
    long now;
    /** What the last TLS handshake agreed, {@code TLSv1.3 TLS_AES_128_GCM_SHA256}, for the generator's summary. */
    volatile String negotiated;

    private final SSLContext tls;

    /** {@code tls} the context {@code https://} streams trust the server by; null when every stream is cleartext. */
    LoadWorker(int index, SSLContext tls) throws IOException {
        this.index = index;
        this.selector = Selector.open();
        this.tls = tls;
    }

    void open(InetSocketAddress source, URI url) {
        toOpen.add(new Object[] {source, url});
        selector.wakeup();
    }

    void stop() {
        running = false;
        selector.wakeup();
    }

    @Override
    public void run() {
        try {
            while (running) {
                for (Object[] next = toOpen.poll(); next != null; next = toOpen.poll()) {
                    connect((InetSocketAddress) next[0], (URI) next[1]);
                }
                selector.select(100);
                now = LoadGenerator.nowMicros();
                Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
                while (keys.hasNext()) {
                    SelectionKey key = keys.next();
                    keys.remove();
                    handle(key);
                }
            }
            for (SocketChannel channel : channels) {
                channel.close();
            }
            selector.close();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void connect(InetSocketAddress source, URI url) {
        try {
            SocketChannel channel = SocketChannel.open();
            channel.configureBlocking(false);
            if (source != null) {
                channel.bind(source);
            }
            channels.add(channel);
            var stream = new Stream(url, "https".equals(url.getScheme()) ? tls(channel, url) : null);
            if (channel.connect(new InetSocketAddress(url.getHost(), port(url)))) {
                SelectionKey key = channel.register(selector, SelectionKey.OP_READ, stream);
                sendRequest(key, stream);
            } else {
                channel.register(selector, SelectionKey.OP_CONNECT, stream);
            }
        } catch (IOException e) {
            errors.incrementAndGet();
            count("connect: " + e);
        }
    }

    /** The connection's TLS, checking the server's name against its certificate as a browser would. */
    private TlsConnection tls(SocketChannel channel, URI url) throws IOException {
        var engine = tls.createSSLEngine(url.getHost(), port(url));
        engine.setUseClientMode(true);
        SSLParameters parameters = engine.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        // No ALPN offered: the server takes its default, HTTP/1.1, as for any client that offers none, and as the
        // TLS figures of the report were measured.
        engine.setSSLParameters(parameters);
        return new TlsConnection(engine, channel);
    }

    static int port(URI url) {
        return url.getPort() >= 0 ? url.getPort() : "https".equals(url.getScheme()) ? 443 : 80;
    }

    /** Writes the request; over TLS it goes once the handshake, which this starts, is done. */
    private void sendRequest(SelectionKey key, Stream stream) throws IOException {
        URI url = stream.url;
        String target = url.getRawQuery() == null ? url.getRawPath() : url.getRawPath() + "?" + url.getRawQuery();
        String request = "GET " + target + " HTTP/1.1\r\nHost: " + url.getHost() + ":" + port(url)
                + "\r\nAccept: text/event-stream\r\nCache-Control: no-cache\r\n\r\n";
        ByteBuffer out = ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII));
        if (stream.tls != null) {
            stream.tls.send(out);
            readTls(key, stream);
            return;
        }
        while (out.hasRemaining()) {
            ((SocketChannel) key.channel()).write(out);
        }
    }

    private void handle(SelectionKey key) {
        SocketChannel channel = (SocketChannel) key.channel();
        Stream stream = (Stream) key.attachment();
        try {
            if (key.isConnectable()) {
                channel.finishConnect();
                key.interestOps(SelectionKey.OP_READ);
                sendRequest(key, stream);
                return;
            }
            if (stream.tls != null) {
                readTls(key, stream);
                return;
            }
            while (true) {
                buffer.clear();
                int n = channel.read(buffer);
                if (n < 0) {
                    fail(key, stream, stream.scanner.headersDone() ? "closed by the server" : "closed before headers");
                    return;
                }
                if (n == 0) {
                    return;
                }
                buffer.flip();
                buffer.get(bytes, 0, n);
                if (!scan(key, stream, n) || n < buffer.capacity()) {
                    return;
                }
            }
        } catch (IOException e) {
            fail(key, stream, e.toString());
        }
    }

    /** Reads and decrypts all the connection has, and asks for {@code OP_WRITE} while its TLS has bytes waiting. */
    private void readTls(SelectionKey key, Stream stream) throws IOException {
        while (true) {
            plaintext.clear();
            int n = stream.tls.read(plaintext);
            if (n < 0) {
                fail(key, stream, stream.scanner.headersDone() ? "closed by the server" : "closed before headers");
                return;
            }
            if (n == 0) {
                key.interestOps(SelectionKey.OP_READ | (stream.tls.wantsWrite() ? SelectionKey.OP_WRITE : 0));
                return;
            }
            if (!scan(key, stream, n)) {
                return;
            }
        }
    }

    /** Scans {@code n} bytes of the stream from {@link #bytes}; false if its status failed it. */
    private boolean scan(SelectionKey key, Stream stream, int n) {
        boolean wasDone = stream.scanner.headersDone();
        stream.scanner.scan(bytes, 0, n, stream);
        if (!wasDone && stream.scanner.headersDone()) {
            if (stream.scanner.status != 200) {
                fail(key, stream, "status " + stream.scanner.status);
                return false;
            }
            connected.incrementAndGet();
            stream.counted = true;
            if (stream.tls != null) {
                var session = stream.tls.engine().getSession();
                negotiated = session.getProtocol() + " " + session.getCipherSuite();
            }
        }
        return true;
    }

    private void count(String why) {
        failures.computeIfAbsent(why, w -> new AtomicLong()).incrementAndGet();
    }

    private void fail(SelectionKey key, Stream stream, String why) {
        if (running) {
            errors.incrementAndGet();
            count(why);
        }
        if (stream.counted) {
            connected.decrementAndGet();
            stream.counted = false;
        }
        key.cancel();
        try {
            key.channel().close();
        } catch (IOException ignored) {
            // already failed; the error is counted
        }
    }

    /** The state of one connection. */
    private final class Stream implements StreamScanner.Sink {
        final StreamScanner scanner = new StreamScanner();
        final URI url;
        final TlsConnection tls; // null in cleartext

        Stream(URI url, TlsConnection tls) {
            this.url = url;
            this.tls = tls;
        }

        boolean counted;
        long lastId = -1;

        @Override
        public void delivered(long publishMicros, long id) {
            deliveries.incrementAndGet();
            latency.recordValue(Math.max(0, now - publishMicros));
            if (id >= 0 && lastId >= 0 && id != lastId + 1) {
                gaps.incrementAndGet();
            }
            lastId = id;
        }
    }
}
