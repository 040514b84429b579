package dev.spout.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spout.testkit.Await;
import dev.spout.testkit.SseTestClient;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.server.Connector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The seed's model at scale: a thousand clients, each with its own handler on its own virtual thread. */
class ManyClientsTest {
    static final int CLIENTS = 1000;
    static final int EVENTS = 5;
    static final Duration WAIT = Duration.ofSeconds(20);

    final Spout app = Spout.create(options -> options.maxStreamsPerAddress(CLIENTS)); // all from 127.0.0.1

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void aThousandHandlersStreamAtOnceAndLeaveNothingBehind() throws Exception {
        var running = new AtomicInteger();
        app.sse("/sse", sse -> {
            running.incrementAndGet();
            try {
                String who = sse.request().queryParameter("client").orElseThrow();
                for (int i = 1; i <= EVENTS; i++) {
                    sse.send(who + ":" + i, null, String.valueOf(i));
                    Thread.sleep(50);
                }
                Thread.sleep(Duration.ofMinutes(5)); // stays open until its client leaves
            } finally {
                running.decrementAndGet();
            }
        });
        app.start("127.0.0.1", 0);

        List<SseTestClient> clients = new ArrayList<>();
        try (var opener = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<SseTestClient>> opening = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                URI uri = app.uri("/sse?client=" + c);
                opening.add(opener.submit(() -> SseTestClient.open(uri)));
            }
            for (Future<SseTestClient> client : opening) {
                clients.add(client.get());
            }
        }
        try {
            for (int c = 0; c < CLIENTS; c++) {
                var events = clients.get(c).next(EVENTS, WAIT);
                for (int i = 0; i < EVENTS; i++) {
                    assertThat(events.get(i).data()).isEqualTo(c + ":" + (i + 1));
                    assertThat(events.get(i).lastEventId()).isEqualTo(String.valueOf(i + 1));
                }
            }
            assertThat(app.openStreams()).isEqualTo(CLIENTS);
            assertThat(running.get()).isEqualTo(CLIENTS);
        } finally {
            clients.forEach(SseTestClient::close);
        }

        awaitZero("open streams", app::openStreams);
        awaitZero("running handlers", running::get);
        awaitZero("open connections", () -> connectedEndPoints(app));
    }

    static int connectedEndPoints(Spout app) {
        int count = 0;
        for (Connector connector : app.jetty().getConnectors()) {
            count += connector.getConnectedEndPoints().size();
        }
        return count;
    }

    static void awaitZero(String what, java.util.function.IntSupplier count) {
        Await.value(what, count::getAsInt, 0, WAIT);
    }
}
