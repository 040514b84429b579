package dev.spout.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spout.engine.topic.Topic;
import dev.spout.testkit.Await;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Clients that vanish while their streams are being written to end those streams and nothing more: the container
 * reports each leaving to the stream's async listener ({@code onError}) while the fan-out's write to the same stream
 * fails on another thread, and whichever comes first, the async context is completed before {@code onError}
 * returns. Otherwise the Servlet rule sends the request on to the error page, a second answer to a stream that has
 * one (in Spring Boot, {@code /error} then fails on the {@code text/event-stream} type and logs it).
 */
class ServletClientsGoneTest extends OnContainers {
    static final int CLIENTS = 300;
    static final int ROUNDS = 3;

    @ParameterizedTest
    @EnumSource(Container.class)
    void clientsThatVanishMidWriteAreNotSentToTheErrorPage(Container container) throws Exception {
        spout = ServletSpout.create(options -> options.heartbeat(Duration.ofSeconds(30)));
        Topic busy = spout.topic("busy");
        var errorPages = new AtomicInteger();
        running = container.start(
                new Container.Deployment().servlet("/busy", spout.servlet(busy)).errorPage(new HttpServlet() {
                    @Override
                    protected void service(HttpServletRequest request, HttpServletResponse response) {
                        errorPages.incrementAndGet();
                    }
                }));
        var publishing = new AtomicBoolean(true);
        var publisher = Thread.ofPlatform().name("busy-publisher").start(() -> {
            long until = System.nanoTime() + Duration.ofSeconds(60).toNanos(); // a bound; the test stops it sooner
            for (int i = 0; publishing.get() && System.nanoTime() < until; i++) {
                busy.publish("event " + i + " " + "x".repeat(200));
                if (i % 10 == 9) {
                    LockSupport.parkNanos(5_000_000); // about 2,000 events a second: writes always under way
                }
            }
        });
        try {
            for (int round = 0; round < ROUNDS; round++) {
                List<Reader> readers = new ArrayList<>();
                for (int i = 0; i < CLIENTS; i++) {
                    readers.add(Reader.start(RawStream.open(running.port(), "/busy")));
                }
                for (Reader reader : readers) { // every stream is being written to, and read
                    Await.until("events read by every client", () -> reader.read.get() > 0, Duration.ofSeconds(20));
                }
                for (Reader reader : readers) {
                    reader.vanish();
                }
                Await.value("subscribers once the clients have gone", busy::subscribers, 0, Duration.ofSeconds(20));
                Await.value("open streams", spout::openStreams, 0, Duration.ofSeconds(20));
            }
        } finally {
            publishing.set(false);
            publisher.join(Duration.ofSeconds(10));
        }
        assertThat(errorPages).as("requests sent on to the error page").hasValue(0);
    }

    /** A client that reads its stream as fast as it comes, on a virtual thread, until it vanishes. */
    record Reader(RawStream stream, AtomicLong read, Thread thread) {
        static Reader start(RawStream stream) {
            var read = new AtomicLong();
            var thread = Thread.ofVirtual().start(() -> {
                byte[] buffer = new byte[16 * 1024];
                try {
                    for (int n; (n = stream.socket.getInputStream().read(buffer)) >= 0; ) {
                        read.addAndGet(n);
                    }
                } catch (IOException closedByVanish) {
                    // the test closed the socket under the read: the end it waits for
                }
            });
            return new Reader(stream, read, thread);
        }

        /** Resets the connection, as a client that vanishes does, and waits for its reading to stop. */
        void vanish() throws IOException, InterruptedException {
            stream.socket.setSoLinger(true, 0);
            stream.close();
            assertThat(thread.join(Duration.ofSeconds(10)))
                    .as("the reader stopped")
                    .isTrue();
        }
    }
}
