package dev.spout.servlet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A raw HTTP/1.1 client: the exact bytes of a response, head and body, as they cross the wire, so a test can compare
 * them byte for byte, and a client that can stop reading or vanish when a test says so.
 */
final class RawStream implements AutoCloseable {
    final Socket socket;
    final String head;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();

    RawStream(int port, String path, Map<String, String> headers, int receiveBuffer) throws IOException {
        socket = new Socket();
        if (receiveBuffer > 0) {
            socket.setReceiveBufferSize(receiveBuffer); // a small window, so the server's writes back up quickly
        }
        socket.connect(new InetSocketAddress("127.0.0.1", port));
        var request = new StringBuilder("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        headers.forEach(
                (name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
        socket.getOutputStream().write(request.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
        socket.setSoTimeout(10_000);
        head = readHead(socket.getInputStream());
    }

    static RawStream open(int port, String path) throws IOException {
        return new RawStream(port, path, Map.of("Accept", "text/event-stream"), 0);
    }

    /** Reads until the body so far ends with {@code suffix}; the whole body so far. */
    String readUntil(String suffix, int timeoutMillis) throws IOException {
        socket.setSoTimeout(timeoutMillis);
        byte[] buffer = new byte[8192];
        while (!body.toString(StandardCharsets.UTF_8).endsWith(suffix)) {
            int read = socket.getInputStream().read(buffer);
            if (read < 0) {
                break;
            }
            body.write(buffer, 0, read);
        }
        return body.toString(StandardCharsets.UTF_8);
    }

    /** Reads what the server sends until it closes the connection; true if it did within the timeout. */
    boolean closedByServer(int timeoutMillis) throws IOException {
        socket.setSoTimeout(timeoutMillis);
        byte[] buffer = new byte[64 * 1024];
        try {
            int read;
            while ((read = socket.getInputStream().read(buffer)) >= 0) {
                body.write(buffer, 0, read);
            }
            return true;
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (java.net.SocketException reset) {
            return true;
        }
    }

    String body() {
        return body.toString(StandardCharsets.UTF_8);
    }

    /** The value of a response header (the first, case-insensitive), or null. */
    String header(String name) {
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                return line.substring(colon + 1).trim();
            }
        }
        return null;
    }

    int status() {
        return Integer.parseInt(head.split(" ", 3)[1]);
    }

    private static String readHead(InputStream in) throws IOException {
        var head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("The connection ended inside the response head: " + head);
            }
            head.append((char) b);
        }
        return head.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
