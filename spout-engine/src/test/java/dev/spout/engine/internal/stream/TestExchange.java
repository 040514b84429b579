package dev.spout.engine.internal.stream;

import dev.spout.broker.Checkpoints;
import dev.spout.engine.auth.ClientRequest;
import dev.spout.engine.host.StreamExchange;
import dev.spout.engine.stream.SlowClientPolicy;
import java.time.Duration;
import org.eclipse.jetty.io.ArrayByteBufferPool;

/**
 * The HTTP side of a stream for the engine's own tests: no request, headers that count as sent, a loopback client.
 * A test says what its writes and its end do.
 */
abstract class TestExchange implements StreamExchange {

    /** The streams of an application with the default settings and an in-memory checkpoint store. */
    static Streams streams() {
        return streams(1 << 20);
    }

    /** The same, with this slow-client bound. */
    static Streams streams(long maxQueuedBytes) {
        return new Streams(
                new StreamSettings(
                        Duration.ofSeconds(15),
                        Duration.ofSeconds(30),
                        maxQueuedBytes,
                        SlowClientPolicy.disconnect(),
                        10,
                        10,
                        Duration.ofSeconds(5),
                        1000,
                        100),
                new ArrayByteBufferPool(),
                Checkpoints.inMemory());
    }

    @Override
    public ClientRequest request() {
        throw new UnsupportedOperationException("not asked for by these tests");
    }

    @Override
    public String remoteAddress() {
        return "127.0.0.1";
    }
}
