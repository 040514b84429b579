package dev.spout.bench;

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
import org.HdrHistogram.Recorder;

/** One selector thread and the connections it owns. */
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
    volatile boolean running = true;
    long now;

    LoadWorker(int index) throws IOException {
        this.index = index;
        this.selector = Selector.open();
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
            var stream = new Stream(url);
            if (channel.connect(new InetSocketAddress(url.getHost(), url.getPort()))) {
                channel.register(selector, SelectionKey.OP_READ, stream);
                sendRequest(channel, url);
            } else {
                channel.register(selector, SelectionKey.OP_CONNECT, stream);
            }
        } catch (IOException e) {
            errors.incrementAndGet();
            count("connect: " + e);
        }
    }

    private void sendRequest(SocketChannel channel, URI url) throws IOException {
        String target = url.getRawQuery() == null ? url.getRawPath() : url.getRawPath() + "?" + url.getRawQuery();
        String request = "GET " + target + " HTTP/1.1\r\nHost: " + url.getHost() + ":" + url.getPort()
                + "\r\nAccept: text/event-stream\r\nCache-Control: no-cache\r\n\r\n";
        ByteBuffer out = ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII));
        while (out.hasRemaining()) {
            channel.write(out);
        }
    }

    private void handle(SelectionKey key) {
        SocketChannel channel = (SocketChannel) key.channel();
        Stream stream = (Stream) key.attachment();
        try {
            if (key.isConnectable()) {
                channel.finishConnect();
                key.interestOps(SelectionKey.OP_READ);
                sendRequest(channel, stream.url);
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
                boolean wasDone = stream.scanner.headersDone();
                stream.scanner.scan(bytes, 0, n, stream);
                if (!wasDone && stream.scanner.headersDone()) {
                    if (stream.scanner.status == 200) {
                        connected.incrementAndGet();
                        stream.counted = true;
                    } else {
                        fail(key, stream, "status " + stream.scanner.status);
                        return;
                    }
                }
                if (n < buffer.capacity()) {
                    return;
                }
            }
        } catch (IOException e) {
            fail(key, stream, e.toString());
        }
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

        Stream(URI url) {
            this.url = url;
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
