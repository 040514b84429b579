package dev.spout.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spout.engine.stream.CloseReason;
import dev.spout.engine.topic.Topic;
import dev.spout.testkit.SseTestClient;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Closing an application ends every stream cleanly and releases everything. */
class ShutdownTest {

    @Test
    void closeEndsEveryStreamCleanlyAndStopsAccepting() throws Exception {
        var reasons = new CopyOnWriteArrayList<CloseReason>();
        var app = Spout.create(options -> options.shutdownTimeout(Duration.ofSeconds(5)));
        Topic topic = app.topic("news");
        app.sse("/news", topic).sse("/loop", sse -> {
            sse.onClose(reasons::add);
            while (true) {
                sse.send("tick");
                Thread.sleep(50);
            }
        });
        app.start("127.0.0.1", 0);
        int port = app.port();
        URI base = URI.create("http://127.0.0.1:" + port);

        try (var subscriber = SseTestClient.open(base.resolve("/news"));
                var looper = SseTestClient.open(base.resolve("/loop"))) {
            looper.next(Duration.ofSeconds(5));
            topic.publish("before");
            subscriber.next(Duration.ofSeconds(5));

            app.close();

            assertThat(subscriber.awaitEnd(Duration.ofSeconds(5))).isTrue();
            assertThat(looper.awaitEnd(Duration.ofSeconds(5))).isTrue();
        }
        assertThat(reasons).containsExactly(new CloseReason.ServerStopping());
        assertThat(app.openStreams()).isZero();
        assertThat(topic.subscribers()).isZero();
        assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(ConnectException.class);
    }
}
