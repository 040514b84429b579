package dev.spout.server.internal.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.http2.api.Stream;
import org.eclipse.jetty.http2.frames.DataFrame;
import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.Test;

/** The bound on one HTTP/2 connection's frames in Jetty's hands, against a stand-in for Jetty's streams. */
class FrameGateTest {
    final FrameGate gate = new FrameGate();
    final List<Callback> inJetty = new ArrayList<>(); // frames handed over and not yet completed, oldest first
    final List<Integer> handedOver = new ArrayList<>(); // the stream of every frame handed over, in order
    final AtomicInteger succeeded = new AtomicInteger();
    final AtomicInteger failed = new AtomicInteger();
    boolean closed; // as a connection that closed: every frame handed over fails at once, on the same thread

    @Test
    void atMostTheLimitIsInJettysHandsAndTheRestFollowInOrder() {
        int writes = FrameGate.LIMIT * 3;
        for (int id = 1; id <= writes; id++) {
            write(id);
        }
        assertThat(inJetty).hasSize(FrameGate.LIMIT);

        while (!inJetty.isEmpty()) {
            inJetty.removeFirst().succeeded();
            assertThat(inJetty.size()).isLessThanOrEqualTo(FrameGate.LIMIT);
        }
        assertThat(handedOver).hasSize(writes).isSorted();
        assertThat(succeeded).hasValue(writes);
        assertThat(failed).hasValue(0);
    }

    @Test
    void aWriteThatCompletesFreesItsPlaceForTheNext() {
        for (int round = 0; round < 1000; round++) {
            write(1);
            inJetty.removeFirst().succeeded();
        }
        for (int id = 1; id <= FrameGate.LIMIT; id++) {
            write(id);
        }
        assertThat(inJetty).as("every place free again").hasSize(FrameGate.LIMIT);
        assertThat(succeeded).hasValue(1000);
    }

    @Test
    void aClosedConnectionFailsTenThousandWaitingWritesWithoutNesting() {
        int writes = 10_000;
        for (int id = 1; id <= writes; id++) {
            write(id);
        }
        closed = true;
        // Each failure hands the next waiting frame over, which fails at once: one after the other, not nested.
        inJetty.removeFirst().failed(new EofException("closed"));
        while (!inJetty.isEmpty()) {
            inJetty.removeFirst().failed(new EofException("closed"));
        }
        assertThat(failed).hasValue(writes);
        assertThat(handedOver).hasSize(writes);

        closed = false;
        write(1);
        assertThat(inJetty).as("the places were all given back").hasSize(1);
    }

    private void write(int id) {
        var writer = new Http2Writer(stream(id), gate);
        writer.write(ByteBuffer.wrap(new byte[] {'x'}), Callback.from(succeeded::incrementAndGet, x -> {
            assertThat(x).isInstanceOf(EofException.class);
            failed.incrementAndGet();
        }));
    }

    /** Jetty's HTTP/2 stream as far as a writer uses it: its id, and {@code data}, which keeps or fails the frame. */
    private Stream stream(int id) {
        return (Stream) Proxy.newProxyInstance(
                Stream.class.getClassLoader(), new Class<?>[] {Stream.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "getId" -> {
                            return id;
                        }
                        case "data" -> {
                            assertThat(((DataFrame) args[0]).getStreamId()).isEqualTo(id);
                            handedOver.add(id);
                            Callback callback = (Callback) args[1];
                            if (closed) {
                                callback.failed(new EofException("closed"));
                            } else {
                                inJetty.add(callback);
                            }
                            return null;
                        }
                        case "toString" -> {
                            return "stream " + id;
                        }
                        default -> throw new UnsupportedOperationException(method.getName());
                    }
                });
    }
}
