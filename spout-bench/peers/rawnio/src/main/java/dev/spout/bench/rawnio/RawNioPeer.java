package dev.spout.bench.rawnio;

import dev.spout.bench.common.Args;
import dev.spout.bench.common.Publisher;
import dev.spout.bench.common.TestKeyStore;
import dev.spout.bench.common.TlsConnection;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;

/**
 * The hardware reference: plain NIO on one thread, no framework. Events published since the last turn of the loop
 * are encoded once, into one direct buffer, and written to every socket without blocking; what a socket cannot take
 * waits in that client's pending buffer (up to 1 MiB, then the client is dropped). No HTTP beyond what a stream needs.
 *
 * <p>With {@code --tls} ({@code --keystore FILE}, or a test certificate made at start: {@link TestKeyStore}) it serves
 * HTTPS by hand, an {@code SSLEngine} per connection ({@link TlsConnection}: plain NIO has no other TLS). The turn's
 * events are still encoded once, but each subscriber's copy is then encrypted by its own engine (its own keys and
 * record numbers): sharing ends at the cipher, which is what the TLS scenarios measure. Each client's turn is sealed
 * into one reused buffer (records of up to 16 KiB) and written at once, what the socket does not take kept as for
 * cleartext.
 */
public final class RawNioPeer {
    private static final byte[] HEADERS = ("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-cache\r\n"
                    + "Connection: close\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_PENDING = 1 << 20;

    private final Selector selector;
    private final ServerSocketChannel server;
    private final SSLContext tls; // null: cleartext
    private final ConcurrentLinkedQueue<byte[]> published = new ConcurrentLinkedQueue<>();
    private final List<Client> clients = new ArrayList<>();
    private final ByteBuffer plaintext = ByteBuffer.allocate(64 * 1024); // a TLS client's request, decrypted
    private ByteBuffer sealed = ByteBuffer.allocate(64 * 1024); // a TLS client's turn, encrypted
    private volatile boolean sleeping;

    private static final class Client {
        final SocketChannel channel;
        final SelectionKey key;
        final TlsConnection tls; // null: cleartext
        final StringBuilder request = new StringBuilder();
        boolean streaming;
        ByteBuffer pending; // null when nothing waits

        Client(SocketChannel channel, SelectionKey key, TlsConnection tls) {
            this.channel = channel;
            this.key = key;
            this.tls = tls;
        }
    }

    RawNioPeer(int port, SSLContext tls) throws IOException {
        this.tls = tls;
        selector = Selector.open();
        server = ServerSocketChannel.open();
        server.bind(new InetSocketAddress(port), 4096);
        server.configureBlocking(false);
        server.register(selector, SelectionKey.OP_ACCEPT);
    }

    public static void main(String[] argv) throws IOException {
        Args args = Args.options(argv);
        Path keyStore = TestKeyStore.fromArgs(args);
        var peer = new RawNioPeer(
                args.integer("port", 8080),
                keyStore == null ? null : TestKeyStore.serving(keyStore, TestKeyStore.password(args)));
        peer.start();
        Publisher.start(args, peer::publish);
        Publisher.ready();
    }

    /** Starts the loop on its own thread. */
    void start() {
        Thread.ofPlatform().name("raw-nio").start(this::loop);
    }

    /** The port it listens on. */
    int port() throws IOException {
        return ((InetSocketAddress) server.getLocalAddress()).getPort();
    }

    void publish(long id, String data) {
        published.add(("id: " + id + "\ndata: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
        if (sleeping) {
            selector.wakeup();
        }
    }

    private void loop() {
        try {
            while (true) {
                sleeping = true;
                if (published.isEmpty()) {
                    selector.select(100);
                } else {
                    selector.selectNow();
                }
                sleeping = false;
                Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
                while (keys.hasNext()) {
                    SelectionKey key = keys.next();
                    keys.remove();
                    if (!key.isValid()) {
                        continue;
                    }
                    if (key.isAcceptable()) {
                        accept((ServerSocketChannel) key.channel());
                    } else {
                        var client = (Client) key.attachment();
                        if (key.isReadable() || (!client.streaming && key.isWritable())) {
                            read(client); // over TLS a handshake's step may wait for OP_WRITE too
                        }
                        if (key.isValid() && client.pending != null && key.isWritable()) {
                            flush(client);
                        }
                    }
                }
                fanOut();
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void accept(ServerSocketChannel server) throws IOException {
        SocketChannel channel;
        while ((channel = server.accept()) != null) {
            channel.configureBlocking(false);
            SelectionKey key = channel.register(selector, SelectionKey.OP_READ);
            TlsConnection connection = null;
            if (tls != null) {
                SSLEngine engine = tls.createSSLEngine();
                engine.setUseClientMode(false);
                connection = new TlsConnection(engine, channel);
            }
            key.attach(new Client(channel, key, connection));
        }
    }

    private void read(Client client) {
        if (client.tls != null) {
            readTls(client);
            return;
        }
        ByteBuffer in = ByteBuffer.allocate(1024);
        try {
            int n = client.channel.read(in);
            if (n < 0) {
                drop(client);
                return;
            }
            if (!client.streaming) {
                request(client, new String(in.array(), 0, n, StandardCharsets.ISO_8859_1));
            }
        } catch (IOException e) {
            drop(client);
        }
    }

    /** Reads a request's bytes, and once its head is complete starts its stream with the headers. */
    private void request(Client client, String bytes) throws IOException {
        client.request.append(bytes);
        if (client.request.indexOf("\r\n\r\n") < 0) {
            return;
        }
        client.streaming = true;
        clients.add(client);
        if (client.tls == null) {
            client.pending = ByteBuffer.wrap(HEADERS);
        } else { // what the handshake has not written yet goes first, then the sealed headers
            ByteBuffer unwritten = client.tls.takeUnwritten();
            ByteBuffer headers = client.tls.encrypt(ByteBuffer.wrap(HEADERS), ByteBuffer.allocate(1024));
            client.pending = ByteBuffer.allocate(unwritten.remaining() + headers.position())
                    .put(unwritten)
                    .put(headers.flip())
                    .flip();
        }
        flush(client);
    }

    /**
     * Drives the handshake and decrypts what the client sent: its request, then nothing (the load generator sends
     * nothing after it, so once streaming no handshake message of the client's needs an answer written here).
     */
    private void readTls(Client client) {
        try {
            while (true) {
                plaintext.clear();
                int n = client.tls.read(plaintext);
                if (n < 0) {
                    drop(client);
                    return;
                }
                if (n == 0) {
                    if (!client.streaming) {
                        client.key.interestOps(
                                SelectionKey.OP_READ | (client.tls.wantsWrite() ? SelectionKey.OP_WRITE : 0));
                    }
                    return;
                }
                if (!client.streaming) {
                    request(client, new String(plaintext.array(), 0, n, StandardCharsets.ISO_8859_1));
                }
            }
        } catch (IOException e) {
            drop(client);
        }
    }

    /** All events published since the last turn, as one buffer, to every client. */
    private void fanOut() {
        if (published.isEmpty()) {
            return;
        }
        int size = 0;
        List<byte[]> batch = new ArrayList<>();
        for (byte[] event = published.poll(); event != null; event = published.poll()) {
            batch.add(event);
            size += event.length;
        }
        // Over TLS the events are only the engines' input, never written as they are: a heap buffer.
        ByteBuffer events = tls == null ? ByteBuffer.allocateDirect(size) : ByteBuffer.allocate(size);
        batch.forEach(events::put);
        events.flip();
        for (int i = clients.size() - 1; i >= 0; i--) {
            Client client = clients.get(i);
            ByteBuffer out = events.duplicate();
            if (client.tls != null) {
                try {
                    sealed = client.tls.encrypt(out, sealed.clear()); // grows it if the turn needs more room
                } catch (IOException e) {
                    drop(client);
                    continue;
                }
                out = sealed.flip();
            }
            if (client.pending != null) {
                queue(client, out);
            } else {
                try {
                    client.channel.write(out);
                    if (out.hasRemaining()) {
                        queue(client, out);
                    }
                } catch (IOException e) {
                    drop(client);
                }
            }
        }
    }

    private void queue(Client client, ByteBuffer more) {
        int waiting = client.pending == null ? 0 : client.pending.remaining();
        if (waiting + more.remaining() > MAX_PENDING) {
            drop(client);
            return;
        }
        ByteBuffer joined = ByteBuffer.allocate(waiting + more.remaining());
        if (client.pending != null) {
            joined.put(client.pending);
        }
        joined.put(more).flip();
        client.pending = joined;
        client.key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
    }

    private void flush(Client client) {
        try {
            client.channel.write(client.pending);
            if (!client.pending.hasRemaining()) {
                client.pending = null;
                client.key.interestOps(SelectionKey.OP_READ);
            } else {
                client.key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
            }
        } catch (IOException e) {
            drop(client);
        }
    }

    private void drop(Client client) {
        clients.remove(client);
        client.key.cancel();
        try {
            client.channel.close();
        } catch (IOException ignored) {
            // dropped either way
        }
    }
}
