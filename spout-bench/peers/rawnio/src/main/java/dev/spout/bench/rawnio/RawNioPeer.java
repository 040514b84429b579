package dev.spout.bench.rawnio;

import dev.spout.bench.common.Args;
import dev.spout.bench.common.Publisher;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The hardware reference: plain NIO on one thread, no framework. Events published since the last turn of the loop
 * are encoded once, into one direct buffer, and written to every socket without blocking; what a socket cannot take
 * waits in that client's pending buffer (up to 1 MiB, then the client is dropped). No HTTP beyond what a stream needs.
 */
public final class RawNioPeer {
    private static final byte[] HEADERS = ("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-cache\r\n"
                    + "Connection: close\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_PENDING = 1 << 20;

    private final Selector selector;
    private final ConcurrentLinkedQueue<byte[]> published = new ConcurrentLinkedQueue<>();
    private final List<Client> clients = new ArrayList<>();
    private volatile boolean sleeping;

    private static final class Client {
        final SocketChannel channel;
        final SelectionKey key;
        final StringBuilder request = new StringBuilder();
        boolean streaming;
        ByteBuffer pending; // null when nothing waits

        Client(SocketChannel channel, SelectionKey key) {
            this.channel = channel;
            this.key = key;
        }
    }

    private RawNioPeer(int port) throws IOException {
        selector = Selector.open();
        var server = ServerSocketChannel.open();
        server.bind(new InetSocketAddress(port), 4096);
        server.configureBlocking(false);
        server.register(selector, SelectionKey.OP_ACCEPT);
    }

    public static void main(String[] argv) throws IOException {
        Args args = Args.options(argv);
        var peer = new RawNioPeer(args.integer("port", 8080));
        Thread.ofPlatform().name("raw-nio").start(peer::loop);
        Publisher.start(args, peer::publish);
        Publisher.ready();
    }

    private void publish(long id, String data) {
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
                        if (key.isReadable()) {
                            read(client);
                        }
                        if (key.isValid() && key.isWritable()) {
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
            key.attach(new Client(channel, key));
        }
    }

    private void read(Client client) {
        ByteBuffer in = ByteBuffer.allocate(1024);
        try {
            int n = client.channel.read(in);
            if (n < 0) {
                drop(client);
                return;
            }
            if (!client.streaming) {
                client.request.append(new String(in.array(), 0, n, StandardCharsets.ISO_8859_1));
                if (client.request.indexOf("\r\n\r\n") >= 0) {
                    client.streaming = true;
                    client.pending = ByteBuffer.wrap(HEADERS);
                    clients.add(client);
                    flush(client);
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
        ByteBuffer events = ByteBuffer.allocateDirect(size);
        batch.forEach(events::put);
        events.flip();
        for (int i = clients.size() - 1; i >= 0; i--) {
            Client client = clients.get(i);
            if (client.pending != null) {
                queue(client, events.duplicate());
            } else {
                ByteBuffer out = events.duplicate();
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
