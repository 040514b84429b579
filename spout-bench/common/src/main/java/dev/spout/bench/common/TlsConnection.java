package dev.spout.bench.common;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;

/**
 * One connection's TLS over a non-blocking {@link SocketChannel}, written by hand around an {@link SSLEngine}: the
 * bytes read but not yet decrypted, those encrypted but not yet written, and the handshake's steps in their order.
 *
 * <p>Plain NIO has no TLS of its own: for a non-blocking channel the JDK offers only {@code SSLEngine}, which turns
 * bytes into records and back and leaves reading, writing, its delegated tasks and the order of the handshake to its
 * caller. This is that caller, for the NIO load generator (client mode) and the raw NIO floor (server mode), both on
 * one selector thread: {@link #read} drives the handshake and decrypts what arrived, {@link #send} queues plaintext
 * for after the handshake, {@link #encrypt} seals a buffer for a caller that writes it itself (the floor's fan-out).
 * Delegated tasks (the certificate's checks, the key exchange) run on the calling thread.
 *
 * <pre>{@code
 * var tls = new TlsConnection(engine, channel);   // the engine in client or server mode
 * tls.send(request);                              // sent once the handshake is done
 * int n = tls.read(plaintext);                    // 0: nothing more for now; -1: the connection ended
 * if (tls.wantsWrite()) key.interestOps(OP_READ | OP_WRITE);   // on OP_WRITE: tls.flush(), then read again
 * }</pre>
 */
public final class TlsConnection {
    private static final ByteBuffer NOTHING = ByteBuffer.allocate(0);

    private final SSLEngine engine;
    private final SocketChannel channel;
    private final int packetSize;
    private final ByteBuffer netIn; // filled from the channel (write mode): records not yet decrypted
    private final ByteBuffer netOut; // read mode: the handshake's records not yet written
    private ByteBuffer appOut = NOTHING; // read mode: plaintext waiting for the handshake's end

    public TlsConnection(SSLEngine engine, SocketChannel channel) throws SSLException {
        this.engine = engine;
        this.channel = channel;
        this.packetSize = engine.getSession().getPacketBufferSize();
        this.netIn = ByteBuffer.allocate(2 * packetSize); // two records a read, and room for any one
        this.netOut = ByteBuffer.allocate(packetSize).flip();
        engine.beginHandshake();
    }

    /** The engine (its session says the protocol and cipher agreed). */
    public SSLEngine engine() {
        return engine;
    }

    /** Whether the handshake is still going on. */
    public boolean handshaking() {
        HandshakeStatus status = engine.getHandshakeStatus();
        return status != HandshakeStatus.NOT_HANDSHAKING && status != HandshakeStatus.FINISHED;
    }

    /** Queues plaintext (a copy) to be encrypted and written once the handshake is over; {@link #read} sends it. */
    public void send(ByteBuffer plaintext) {
        ByteBuffer joined = ByteBuffer.allocate(appOut.remaining() + plaintext.remaining());
        joined.put(appOut).put(plaintext).flip();
        appOut = joined;
    }

    /** Whether encrypted bytes wait for the channel to take them (then ask for {@code OP_WRITE}). */
    public boolean wantsWrite() {
        return netOut.hasRemaining();
    }

    /** Writes what waits; whether all of it went. */
    public boolean flush() throws IOException {
        while (netOut.hasRemaining()) {
            if (channel.write(netOut) == 0) {
                return false;
            }
        }
        return true;
    }

    /** Takes the encrypted bytes still waiting, for a caller that writes them itself, before its own. */
    public ByteBuffer takeUnwritten() {
        ByteBuffer unwritten = ByteBuffer.allocate(netOut.remaining()).put(netOut).flip();
        netOut.clear().flip();
        return unwritten;
    }

    /**
     * Moves the connection on as far as it goes without waiting: runs the handshake, writes what it or {@link #send}
     * has to write, reads what the channel has and decrypts it into {@code plaintext}. Returns the plaintext bytes
     * put there: 0 when the channel has nothing more for now (or {@code plaintext} is too full for a record: empty
     * it and call again), -1 when the connection has ended and nothing was read this time. Call it again while it
     * returns more than 0.
     */
    public int read(ByteBuffer plaintext) throws IOException {
        int start = plaintext.position();
        boolean needBytes = netIn.position() == 0;
        while (true) {
            flush();
            HandshakeStatus status = engine.getHandshakeStatus();
            if (status == HandshakeStatus.NEED_TASK) {
                for (Runnable task = engine.getDelegatedTask(); task != null; task = engine.getDelegatedTask()) {
                    task.run();
                }
                continue;
            }
            boolean toWrap = status == HandshakeStatus.NEED_WRAP || (!handshaking() && appOut.hasRemaining());
            if (toWrap && !netOut.hasRemaining()) {
                netOut.clear();
                SSLEngineResult wrapped = engine.wrap(appOut, netOut);
                netOut.flip();
                if (wrapped.getStatus() == SSLEngineResult.Status.CLOSED) {
                    return ended(plaintext, start);
                }
                if (wrapped.getStatus() == SSLEngineResult.Status.BUFFER_OVERFLOW) { // a record over 16 KiB + header
                    throw new SSLException("A record larger than the engine's packet size: " + packetSize);
                }
                continue;
            }
            if (status == HandshakeStatus.NEED_WRAP) {
                return plaintext.position() - start; // until the channel takes what was wrapped
            }
            if (needBytes) {
                int n = channel.read(netIn);
                if (n < 0) {
                    return ended(plaintext, start); // without close_notify: the bench's clients just close
                }
                if (n == 0) {
                    return plaintext.position() - start;
                }
                needBytes = false;
            }
            netIn.flip();
            SSLEngineResult unwrapped;
            try {
                unwrapped = engine.unwrap(netIn, plaintext);
            } finally {
                netIn.compact();
            }
            switch (unwrapped.getStatus()) {
                case BUFFER_UNDERFLOW -> needBytes = true;
                case BUFFER_OVERFLOW -> {
                    if (plaintext.position() == start) {
                        throw new SSLException("A buffer of " + plaintext.remaining() + " bytes holds no record");
                    }
                    return plaintext.position() - start;
                }
                case CLOSED -> {
                    return ended(plaintext, start);
                }
                case OK -> needBytes = netIn.position() == 0;
            }
        }
    }

    private static int ended(ByteBuffer plaintext, int start) {
        return plaintext.position() > start ? plaintext.position() - start : -1;
    }

    /**
     * Encrypts all of {@code plaintext} after the handshake, as records of at most 16 KiB, into {@code out} (write
     * mode), and returns {@code out}, or a bigger buffer holding what it held when it had no room for a record.
     */
    public ByteBuffer encrypt(ByteBuffer plaintext, ByteBuffer out) throws SSLException {
        boolean full = false;
        while (plaintext.hasRemaining()) {
            if (full || out.remaining() < packetSize) {
                out = ByteBuffer.allocate(Math.max(2 * out.capacity(), out.position() + 2 * packetSize))
                        .put(out.flip());
            }
            SSLEngineResult wrapped = engine.wrap(plaintext, out);
            if (wrapped.getStatus() == SSLEngineResult.Status.CLOSED) {
                throw new SSLException("The TLS connection is closed");
            }
            full = wrapped.getStatus() == SSLEngineResult.Status.BUFFER_OVERFLOW;
        }
        return out;
    }
}
