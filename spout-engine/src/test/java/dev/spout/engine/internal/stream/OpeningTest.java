package dev.spout.engine.internal.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spout.engine.stream.CloseReason;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.Test;

/**
 * How a host's admitted request becomes a stream: a start that fails must not leave a stream that never writes and
 * holds its slot, since the host (a Servlet container, WebFlux) has already handed the response to the engine.
 */
class OpeningTest {
    private final Streams streams = TestExchange.streams();

    @Test
    void aStartThatFailsEndsTheStreamAtOnceAsFailedAndFreesItsSlot() {
        assertThat(streams.tryAdmit("127.0.0.1")).isTrue();
        var exchange = new RecordingExchange();
        EventStream stream = Opening.register("/feed", exchange, streams, "127.0.0.1", null);
        assertThat(streams.size()).isEqualTo(1);
        var boom = new IllegalStateException("the topic could not be followed");

        Opening.start(stream, started -> {
            throw boom;
        });

        assertThat(stream.closeReason()).isEqualTo(new CloseReason.Failed(boom));
        assertThat(exchange.ends).containsExactly(new CloseReason.Failed(boom));
        assertThat(streams.size())
                .as("no longer counted among the open streams")
                .isZero();
    }

    @Test
    void aStartThatSucceedsLeavesTheStreamOpen() {
        assertThat(streams.tryAdmit("127.0.0.1")).isTrue();
        var exchange = new RecordingExchange();
        EventStream stream = Opening.register("/feed", exchange, streams, "127.0.0.1", null);
        var started = new AtomicBoolean();

        Opening.start(stream, s -> started.set(true));

        assertThat(started).isTrue();
        assertThat(stream.closeReason()).isNull();
        assertThat(exchange.ends).isEmpty();
        stream.closeWith(new CloseReason.Completed());
    }

    /** The HTTP side of a stream that writes nowhere and records how its response ended. */
    private static final class RecordingExchange extends TestExchange {
        final List<CloseReason> ends = new ArrayList<>();

        @Override
        public void write(ByteBuffer bytes, Callback done) {
            done.succeeded();
        }

        @Override
        public synchronized void end(CloseReason reason) {
            ends.add(reason);
        }
    }
}
