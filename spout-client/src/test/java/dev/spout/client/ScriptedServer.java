package dev.spout.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A raw HTTP/1.1 server for client tests: each connection is answered by the next script in line (and, when the
 * scripts run out, by {@code 204}, which stops a conforming client); every response says {@code Connection: close}.
 * Scripts write exactly the bytes they mean, in
 * the chunks they mean, with TCP_NODELAY, and can stall or drop the connection mid-event.
 */
public final class ScriptedServer implements AutoCloseable {

    /** A request as received. */
    public record Received(String method, String path, Map<String, String> headers, String body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** What a script does with one connection. */
    @FunctionalInterface
    public interface Script {
        void answer(Received request, Exchange exchange) throws Exception;
    }

    /** The connection a script answers on. */
    public static final class Exchange {
        private final Socket socket;
        private final OutputStream out;
        private boolean chunked;

        Exchange(Socket socket) throws IOException {
            this.socket = socket;
            this.out = socket.getOutputStream();
        }

        /** Status line and headers; the body is chunked unless a Content-Length is among the headers. */
        public Exchange respond(int status, String... headers) throws IOException {
            var head = new StringBuilder("HTTP/1.1 ").append(status).append(" X\r\n");
            boolean hasLength = false;
            for (String header : headers) {
                head.append(header).append("\r\n");
                hasLength |= header.toLowerCase(Locale.ROOT).startsWith("content-length");
            }
            chunked = !hasLength && status != 204 && status != 304 && status / 100 != 1;
            if (chunked) {
                head.append("Transfer-Encoding: chunked\r\n");
            }
            // Each connection carries one exchange and is then closed, so say so: without it the client may pool the
            // connection (a redirect with an empty body) and send the next request on a socket about to be closed.
            head.append("Connection: close\r\n");
            out.write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return this;
        }

        /** A 200 event stream. */
        public Exchange stream() throws IOException {
            return respond(200, "Content-Type: text/event-stream", "Cache-Control: no-cache");
        }

        /** Writes the bytes in pieces of {@code size} (0: all at once), each flushed on its own. */
        public Exchange write(byte[] bytes, int size) throws IOException {
            int step = size == 0 ? Math.max(1, bytes.length) : size;
            for (int i = 0; i < bytes.length; i += step) {
                int n = Math.min(step, bytes.length - i);
                if (chunked) {
                    out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    out.write(bytes, i, n);
                    out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
                } else {
                    out.write(bytes, i, n);
                }
                out.flush();
            }
            return this;
        }

        public Exchange write(String text) throws IOException {
            return write(text.getBytes(StandardCharsets.UTF_8), 0);
        }

        /** Ends the response cleanly (the last chunk) and closes the connection. */
        public void end() throws IOException {
            if (chunked) {
                out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
            }
            socket.close();
        }

        /** Closes the connection without ending the response: a dropped connection. */
        public void drop() throws IOException {
            socket.close();
        }

        /** Keeps the connection open, sending nothing, until the client closes it or the timeout passes. */
        public boolean holdUntilClientCloses(Duration timeout) throws IOException {
            socket.setSoTimeout((int) timeout.toMillis());
            try {
                return socket.getInputStream().read() < 0;
            } catch (java.net.SocketTimeoutException stillOpen) {
                return false;
            } catch (java.net.SocketException reset) {
                return true;
            } finally {
                socket.close();
            }
        }
    }

    private final ServerSocket server;
    private final ConcurrentLinkedQueue<Script> scripts = new ConcurrentLinkedQueue<>();
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private final List<Throwable> failures = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    public ScriptedServer() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = Thread.ofVirtual().name("scripted-server").start(this::accept);
    }

    public ScriptedServer then(Script script) {
        scripts.add(script);
        return this;
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getLocalPort() + path);
    }

    public int port() {
        return server.getLocalPort();
    }

    /** The next request the server received, within the timeout. */
    public Received request(Duration timeout) throws InterruptedException {
        Received request = received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (request == null) {
            throw new AssertionError("No request within " + timeout);
        }
        return request;
    }

    /** Requests received and not yet taken. */
    public int pendingRequests() {
        return received.size();
    }

    public List<Throwable> failures() {
        return failures;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                socket.setTcpNoDelay(true);
                Script script = scripts.poll();
                Thread.ofVirtual().start(() -> serve(socket, script));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket socket, Script script) {
        try (socket) {
            Received request = read(socket.getInputStream());
            received.add(request);
            var exchange = new Exchange(socket);
            if (script == null) {
                exchange.respond(204);
                socket.close();
            } else {
                script.answer(request, exchange);
            }
        } catch (Exception e) {
            if (!socket.isClosed()) {
                failures.add(e);
            }
        }
    }

    private static Received read(InputStream in) throws IOException {
        var head = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            if (head.size() >= 4 && head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                break;
            }
        }
        String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        String[] requestLine = lines[0].split(" ");
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(
                        lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).trim());
            }
        }
        String body = "";
        String length = headers.get("content-length");
        if (length != null) {
            body = new String(in.readNBytes(Integer.parseInt(length)), StandardCharsets.UTF_8);
        }
        return new Received(requestLine[0], requestLine[1], headers, body);
    }

    @Override
    public void close() throws IOException {
        server.close();
        acceptor.interrupt();
    }
}
