package dev.spout.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** A raw HTTP/1.1 client that opens a stream, reads the response headers, and then stops reading. */
final class StalledClient implements AutoCloseable {
    final Socket socket;
    final String headers;

    StalledClient(int port, String path) throws IOException {
        this(port, path, null);
    }

    /** A stalled client that resumes after {@code lastEventId} (or a new one, for null). */
    StalledClient(int port, String path, String lastEventId) throws IOException {
        socket = new Socket();
        socket.setReceiveBufferSize(4096); // a small window, so the server's writes back up quickly
        socket.connect(new InetSocketAddress("127.0.0.1", port));
        String resume = lastEventId == null ? "" : "Last-Event-ID: " + lastEventId + "\r\n";
        socket.getOutputStream()
                .write(("GET " + path + " HTTP/1.1\r\nHost: test\r\nAccept: text/event-stream\r\n" + resume + "\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
        headers = readHeaders(socket.getInputStream());
    }

    /** Starts reading at last: the data of the next {@code count} events, or fewer if the stream ends first. */
    java.util.List<String> events(int count, int timeoutMillis) throws IOException {
        socket.setSoTimeout(timeoutMillis);
        var data = new java.util.ArrayList<String>();
        var parser = new dev.spout.sse.SseParser((type, text, id) -> data.add(text));
        byte[] buffer = new byte[64 * 1024];
        while (data.size() < count) {
            int read = socket.getInputStream().read(buffer);
            if (read < 0) {
                break; // the server closed the stream
            }
            parser.feed(buffer, 0, read);
        }
        return data.subList(0, Math.min(count, data.size()));
    }

    /** Reads what the server sent until it closes the connection; true if it did (within the socket timeout). */
    boolean closedByServer(int timeoutMillis) throws IOException {
        socket.setSoTimeout(timeoutMillis);
        byte[] buffer = new byte[64 * 1024];
        try {
            while (socket.getInputStream().read(buffer) >= 0) {
                // drain: the server may have written a lot before it gave up on us
            }
            return true;
        } catch (java.net.SocketTimeoutException stillOpen) {
            return false;
        } catch (java.net.SocketException reset) {
            return true;
        }
    }

    private static String readHeaders(InputStream in) throws IOException {
        var headers = new StringBuilder();
        while (!headers.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            assertThat(b).as("response headers").isNotNegative();
            headers.append((char) b);
        }
        return headers.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
