package dev.spout.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spout.engine.topic.Topic;
import dev.spout.server.Spout;
import dev.spout.sse.SseEvent;
import dev.spout.testkit.Await;
import dev.spout.testkit.SseTestClient;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A client that resumes from further back than the node's history reads what it missed from Redis a page at a time,
 * as it takes it: every event once and in order, however many, and a client that stops reading makes the node read
 * no more than a few pages. Redis's MONITOR shows each XRANGE the node sends.
 */
class ResumeFromRedisTest {
    static final Duration WAIT = Duration.ofSeconds(30);
    static final Pattern XRANGE_COUNT =
            Pattern.compile("\"XRANGE\" \"spout:big\" \"\\(\\d+-\\d+\" \"\\d+-\\d+\" \"COUNT\" \"(\\d+)\"");

    RedisServer redis;
    Spout node;
    Topic big;
    Socket monitor;
    final List<String> commands = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        redis = RedisServer.start();
        node = Spout.create(options ->
                options.broker(RedisBroker.builder(redis.uri()).build()).writeTimeout(Duration.ofSeconds(1)));
        big = node.topic("big", t -> t.history(100, Duration.ofHours(1)));
        node.sse("/big", big);
        node.start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() throws Exception {
        if (monitor != null) {
            monitor.close();
        }
        node.close();
        redis.close();
    }

    /** Publishes {@code count} events of {@code size} bytes; returns the first one's id. */
    String publish(int count, int size) {
        String filler = "x".repeat(size);
        String first = null;
        for (int i = 0; i < count; i++) {
            String id = big.publish(SseEvent.of(i + " " + filler));
            first = first == null ? id : first;
        }
        return first;
    }

    /** From now on, every command Redis runs is in {@link #commands}. */
    void monitor() throws Exception {
        monitor = new Socket();
        monitor.connect(new InetSocketAddress("127.0.0.1", redis.port()));
        monitor.getOutputStream().write("MONITOR\r\n".getBytes(StandardCharsets.US_ASCII));
        var lines = new BufferedReader(new InputStreamReader(monitor.getInputStream(), StandardCharsets.UTF_8));
        assertThat(lines.readLine()).isEqualTo("+OK");
        Thread.ofVirtual().start(() -> {
            try {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    commands.add(line);
                }
            } catch (java.io.IOException closed) {
                // the test is over
            }
        });
    }

    /** The COUNT of each page the node read of the topic, in order. */
    List<Integer> pages() {
        return commands.stream()
                .map(XRANGE_COUNT::matcher)
                .filter(Matcher::find)
                .map(m -> Integer.parseInt(m.group(1)))
                .toList();
    }

    @Test
    void aClientFromFarBackGetsEveryEventOnceInOrderReadAPageAtATime() throws Exception {
        String first = publish(5_000, 1000);
        monitor();
        try (var client = SseTestClient.open(node.uri("/big"), Map.of("Last-Event-ID", first))) {
            for (int i = 1; i < 5_000; i++) {
                assertThat(client.next(WAIT).data()).startsWith(i + " ");
            }
            Await.value("subscribers", big::subscribers, 1);
            big.publish("live");
            assertThat(client.next(WAIT).data()).isEqualTo("live");
        }
        List<Integer> pages = pages();
        assertThat(pages).as("the missed events, a page at a time").hasSizeGreaterThan(5);
        assertThat(pages).allSatisfy(count -> assertThat(count).isBetween(1, 1000));
    }

    @Test
    void aClientThatStopsReadingMakesTheNodeReadOnlyAFewPages() throws Exception {
        String first = publish(2_000, 16 * 1024); // 32 MB that the client missed, 16 events a page
        monitor();
        try (var socket = new Socket()) {
            socket.setReceiveBufferSize(4096);
            socket.connect(new InetSocketAddress("127.0.0.1", node.port()));
            socket.getOutputStream()
                    .write(("GET /big HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\nLast-Event-ID: "
                                    + first + "\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            // ... and reads nothing: the write timeout ends the stream.
            Await.value("open streams", node::openStreams, 1);
            Await.value("open streams", node::openStreams, 0);
        }
        assertThat(pages())
                .as("a few pages, not the 125 of everything the client missed")
                .isNotEmpty()
                .hasSizeLessThan(40);
    }
}
