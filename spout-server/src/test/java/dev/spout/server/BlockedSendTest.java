package dev.spout.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spout.engine.stream.StreamClosedException;
import dev.spout.testkit.Await;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A handler stuck in send because its client stopped reading is released as soon as the client leaves. */
class BlockedSendTest {
    final Spout app = Spout.create();

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void aSendBlockedOnAStalledClientThrowsWhenTheClientLeaves() throws Exception {
        BlockingQueue<Thread> handlerThread = new ArrayBlockingQueue<>(1);
        BlockingQueue<Throwable> ended = new ArrayBlockingQueue<>(1);
        String chunk = "x".repeat(64 * 1024);
        app.sse("/flood", sse -> {
            handlerThread.add(Thread.currentThread());
            try {
                for (int i = 0; i < 100_000; i++) { // bounded: ~6 GB, far beyond any socket buffer
                    sse.send(chunk);
                }
            } catch (StreamClosedException e) {
                ended.add(e);
            }
        });
        app.start("127.0.0.1", 0);

        try (var socket = new Socket("127.0.0.1", app.port())) {
            socket.getOutputStream()
                    .write("GET /flood HTTP/1.1\r\nHost: test\r\nAccept: text/event-stream\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
            readHeaders(socket.getInputStream());
            // Now stop reading: the socket buffers fill up and the handler blocks inside send.
            Thread handler = handlerThread.poll(5, TimeUnit.SECONDS);
            assertThat(handler).isNotNull();
            awaitBlocked(handler, Duration.ofSeconds(20));
        }
        // The socket is closed (with unread data, so the kernel resets it).
        Throwable failure = ended.poll(Await.DEFAULT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(failure).as("the blocked send ends").isInstanceOf(StreamClosedException.class);
    }

    /** Waits until the handler's thread is parked inside a send, waiting for a write that cannot complete. */
    static void awaitBlocked(Thread handler, Duration timeout) {
        Await.until(
                "the handler blocked in send",
                () -> handler.getState() == Thread.State.WAITING
                        && Arrays.stream(handler.getStackTrace())
                                .anyMatch(frame ->
                                        frame.getClassName().equals("dev.spout.engine.internal.stream.ClientStream")
                                                && frame.getMethodName().equals("write")),
                timeout);
    }

    static void readHeaders(InputStream in) throws Exception {
        var headers = new StringBuilder();
        while (!headers.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            assertThat(b).as("response headers").isNotNegative();
            headers.append((char) b);
        }
        assertThat(headers.toString()).startsWith("HTTP/1.1 200");
    }
}
