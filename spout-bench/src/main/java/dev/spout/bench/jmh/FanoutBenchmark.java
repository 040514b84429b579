package dev.spout.bench.jmh;

import dev.spout.engine.topic.Topic;
import dev.spout.server.Spout;
import dev.spout.sse.SseEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.LocalConnector;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The engine's cost per publish and per subscriber, without a network: a real Spout application whose N
 * subscribers are connected through Jetty's in-memory connector, so each event goes the whole way (encoding,
 * history, the fan-out pass on the server's threads, each stream's write into its connection) except the system
 * call. {@code publish} is one event until all N have it written; divide by N for the cost per delivery.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class FanoutBenchmark {
    @Param({"1", "1000"})
    public int subscribers;

    private final SseEvent event = SseEvent.of("1764000000000000 " + "x".repeat(83));
    private Spout app;
    private Topic topic;
    private final List<LocalConnector.LocalEndPoint> clients = new ArrayList<>();
    private long expected;

    @Setup(Level.Trial)
    public void setUp() throws InterruptedException {
        app = Spout.create(options -> options.heartbeat(Duration.ZERO));
        topic = app.topic("bench", t -> t.history(1024, Duration.ofMinutes(1)));
        app.sse("/bench", topic);
        var local = new LocalConnector(app.jetty());
        app.jetty().addConnector(local);
        app.start("127.0.0.1", 0);
        for (int i = 0; i < subscribers; i++) {
            clients.add(
                    local.executeRequest("GET /bench HTTP/1.1\r\nHost: bench\r\nAccept: text/event-stream\r\n\r\n"));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (topic.subscribers() < subscribers && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        if (topic.subscribers() < subscribers) {
            throw new IllegalStateException("Only " + topic.subscribers() + " of " + subscribers + " subscribed");
        }
        expected = topic.stats().delivered();
    }

    /** What the clients received is dropped between invocations, outside the measurement. */
    @Setup(Level.Invocation)
    public void drain() {
        for (LocalConnector.LocalEndPoint client : clients) {
            client.takeOutput();
        }
    }

    @Benchmark
    public long publish() {
        topic.publish(event);
        expected += subscribers;
        while (topic.stats().delivered() < expected) {
            Thread.onSpinWait();
        }
        return expected;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        app.close();
    }
}
