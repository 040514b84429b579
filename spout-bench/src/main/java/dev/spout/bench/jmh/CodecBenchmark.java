package dev.spout.bench.jmh;

import dev.spout.sse.SseEncoder;
import dev.spout.sse.SseEvent;
import dev.spout.sse.SseParser;
import java.io.ByteArrayOutputStream;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The wire format's hot paths: encoding an event (once per publish) and parsing a stream (the client's work).
 * Parsing is reported per megabyte: {@code parseMegabyte} ops/s are MB/s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CodecBenchmark {
    private SseEvent small;
    private SseEvent multiline;
    private byte[] megabyte;

    @Setup
    public void setUp() {
        small = SseEvent.of("1764000000000000 " + "x".repeat(83)).withId("1764000000000123");
        multiline = SseEvent.of("{\n  \"price\": 42.17,\n  \"symbol\": \"ACME\"\n}")
                .withEvent("price")
                .withId("7");
        var stream = new ByteArrayOutputStream(1 << 20);
        for (int i = 0; stream.size() < 1 << 20; i++) {
            stream.writeBytes(SseEncoder.encode(small.withId(Integer.toString(i))));
        }
        megabyte = stream.toByteArray();
    }

    @Benchmark
    public byte[] encode100Bytes() {
        return SseEncoder.encode(small);
    }

    @Benchmark
    public byte[] encodeMultiline() {
        return SseEncoder.encode(multiline);
    }

    @Benchmark
    public void parseMegabyte(Blackhole sink) {
        var parser = new SseParser((type, data, id) -> sink.consume(data));
        for (int i = 0; i < megabyte.length; i += 8192) {
            parser.feed(megabyte, i, Math.min(8192, megabyte.length - i));
        }
        parser.end();
    }
}
