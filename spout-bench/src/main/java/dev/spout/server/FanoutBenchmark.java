package dev.spout.server;

import dev.spout.sse.SseEvent;
import java.lang.reflect.Proxy;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.io.ArrayByteBufferPool;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * The engine's cost per publish and per subscriber, without network: a topic with N subscribers whose writes
 * complete at once. {@code publish} is one event to all N; divide its time by N for the cost per delivery.
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

    private LocalTopic topic;
    private final SseEvent event = SseEvent.of("1764000000000000 " + "x".repeat(83));

    @Setup(Level.Trial)
    public void setUp() {
        Executor inline = Runnable::run; // the fan-out pass runs in the publishing thread: all of it is measured
        var options = new SpoutOptions();
        var engine = new Engine(options, new ArrayByteBufferPool(), inline);
        topic = engine.topic("bench", t -> t.history(1024, java.time.Duration.ofMinutes(1)));
        Response response = (Response) Proxy.newProxyInstance(
                Response.class.getClassLoader(), new Class<?>[] {Response.class}, (proxy, method, args) -> {
                    if (method.getName().equals("write")) {
                        ((Callback) args[2]).succeeded(); // the network took the bytes at once
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        Request request = (Request) Proxy.newProxyInstance(
                Request.class.getClassLoader(), new Class<?>[] {Request.class}, (proxy, method, args) -> null);
        for (int i = 0; i < subscribers; i++) {
            var stream = new EventStream(
                    "/bench",
                    new ClientRequest(request, response, engine.sessions, null),
                    response,
                    Callback.NOOP,
                    engine,
                    null,
                    "bench",
                    null);
            topic.subscribe(stream, null);
        }
    }

    @Benchmark
    public String publish() {
        return topic.publish(event);
    }
}
