package dev.spout.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spout.engine.topic.Topic;
import dev.spout.testkit.Await;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.http.MetaData;
import org.eclipse.jetty.http2.api.Session;
import org.eclipse.jetty.http2.api.Stream;
import org.eclipse.jetty.http2.client.HTTP2Client;
import org.eclipse.jetty.http2.frames.HeadersFrame;
import org.eclipse.jetty.server.ConnectionMetaData;
import org.eclipse.jetty.server.Connector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A topic fanned out to many streams of one HTTP/2 connection: their frames go to Jetty a bounded number at a time
 * (the connection's gate, see docs/performance.md), and every stream still gets every event, in order, and a stream
 * whose reader stopped holds up no other.
 */
class Http2FanOutTest {
    static final Duration WAIT = Duration.ofSeconds(10);
    static final Pattern EVENT = Pattern.compile("id: ([^\n]*)\ndata: ([^\n]*)\n\n");

    Spout app;
    Topic topic;
    HTTP2Client client;

    @BeforeEach
    void start() throws Exception {
        app = Spout.create();
        topic = app.topic("h2");
        app.sse("/h2", topic);
        app.sse(
                "/three",
                sse -> { // a handler's stream, which ends when the handler returns
                    for (int i = 1; i <= 3; i++) {
                        sse.send("n" + i, null, Integer.toString(i));
                    }
                });
        app.start("127.0.0.1", 0);
        client = new HTTP2Client();
        client.setMaxLocalStreams(2000);
    }

    @AfterEach
    void stop() throws Exception {
        client.stop();
        app.close();
    }

    @Test
    void everyStreamOfOneConnectionGetsEveryEventInOrder() throws Exception {
        client.start();
        Session session = connect();
        List<Body> streams = new ArrayList<>();
        for (int i = 0; i < 300; i++) { // ten times the frames the connection hands to Jetty at once
            streams.add(open(session, true));
        }
        Await.value("subscribers", topic::subscribers, streams.size());
        assertThat(gates())
                .as("the streams' writes go through the connection's gate")
                .isEqualTo(1);

        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 100; i++) { // a burst: each stream's writes carry one event or several
            String data = "event " + i;
            expected.add(topic.publish(data) + " " + data);
        }
        for (Body stream : streams) {
            Await.until("every event on a stream", () -> stream.events().size() >= expected.size(), WAIT);
            assertThat(stream.events()).isEqualTo(expected);
        }
    }

    @Test
    void aStreamWhoseReaderStoppedHoldsUpNoOther() throws Exception {
        client.setInitialStreamRecvWindow(4096); // a stream that is not read stops the server's frames soon
        client.start();
        Session session = connect();
        List<Body> stopped = new ArrayList<>();
        for (int i = 0; i < 80; i++) { // more than the places at the gate, each with a frame waiting for its window
            stopped.add(open(session, false));
        }
        Body reading = open(session, true);
        Await.value("subscribers", topic::subscribers, stopped.size() + 1);

        String padding = "x".repeat(1000);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 40; i++) { // 40 KiB: past every stopped stream's window, within the slow-client bound
            String data = i + " " + padding;
            expected.add(topic.publish(data) + " " + data);
            Thread.sleep(5);
        }
        // Well within the write timeout (30 s), after which the stopped streams would be cut off and free it.
        Await.until(
                "every event on the stream being read", () -> reading.events().size() >= expected.size(), WAIT);
        assertThat(reading.events()).isEqualTo(expected);
        assertThat(topic.subscribers()).as("the stopped streams are still open").isEqualTo(stopped.size() + 1);
    }

    @Test
    void aStreamWrittenInFramesEndsCleanlyAfterItsLastEvent() throws Exception {
        client.start();
        Body stream = open(connect(), "/three", true);
        Await.until("the end of the stream", stream::ended, WAIT);
        assertThat(stream.events()).containsExactly("1 n1", "2 n2", "3 n3");
    }

    private Session connect() throws Exception {
        return client.connect(new InetSocketAddress("127.0.0.1", app.port()), new Session.Listener() {})
                .get(5, TimeUnit.SECONDS);
    }

    /** The gates of the server's connections: one per HTTP/2 connection whose streams have written. */
    private int gates() {
        int count = 0;
        for (Connector connector : app.jetty().getConnectors()) {
            for (var endPoint : connector.getConnectedEndPoints()) {
                if (endPoint.getConnection() instanceof ConnectionMetaData connection
                        && connection.getAttribute("dev.spout.server.internal.stream.FrameGate") != null) {
                    count++;
                }
            }
        }
        return count;
    }

    private Body open(Session session, boolean reading) throws Exception {
        return open(session, "/h2", reading);
    }

    /** A stream of {@code path} on {@code session}; its body is read only if {@code reading}. */
    private Body open(Session session, String path, boolean reading) throws Exception {
        var request = new MetaData.Request(
                "GET",
                HttpURI.from("http://127.0.0.1:" + app.port() + path),
                HttpVersion.HTTP_2,
                HttpFields.build().put("Accept", "text/event-stream"));
        var body = new Body();
        session.newStream(new HeadersFrame(request, null, true), new Stream.Listener() {
                    @Override
                    public void onHeaders(Stream stream, HeadersFrame frame) {
                        if (reading) {
                            stream.demand();
                        }
                    }

                    @Override
                    public void onDataAvailable(Stream stream) {
                        Stream.Data data = stream.readData();
                        if (data != null) {
                            boolean last = data.frame().isEndStream();
                            body.add(data.frame().getByteBuffer(), last);
                            data.release();
                            if (last) {
                                return; // nothing more will come: no more demand
                            }
                        }
                        stream.demand();
                    }
                })
                .get(5, TimeUnit.SECONDS);
        return body;
    }

    /** What a stream has received, and its events as "id data". */
    static final class Body {
        private final StringBuilder text = new StringBuilder();
        private boolean ended;

        synchronized void add(ByteBuffer bytes, boolean last) {
            text.append(StandardCharsets.UTF_8.decode(bytes));
            ended |= last;
        }

        synchronized boolean ended() {
            return ended;
        }

        synchronized List<String> events() {
            List<String> events = new ArrayList<>();
            Matcher m = EVENT.matcher(text);
            while (m.find()) {
                events.add(m.group(1) + " " + m.group(2));
            }
            return events;
        }
    }
}
