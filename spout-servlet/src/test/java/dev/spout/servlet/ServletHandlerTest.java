package dev.spout.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spout.engine.stream.CloseReason;
import dev.spout.testkit.Await;
import dev.spout.testkit.SseTestClient;
import dev.spout.testkit.SseTestClient.Event;
import jakarta.servlet.Filter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A per-client handler on a Servlet container: its own virtual thread, its request, its end. */
class ServletHandlerTest extends OnContainers {
    static final Duration WAIT = Duration.ofSeconds(10);

    @ParameterizedTest
    @EnumSource(Container.class)
    void aHandlerRunsOnAVirtualThreadWithItsRequest(Container container) throws Exception {
        spout = ServletSpout.create();
        var ended = new CompletableFuture<CloseReason>();
        Filter pathParameters = (request, response, chain) -> { // what the Spring starter does with path variables
            request.setAttribute(ServletClientRequest.PATH_PARAMETERS, Map.of("room", "lobby"));
            chain.doFilter(request, response);
        };
        running = container.start(new Container.Deployment()
                .filter("path", pathParameters)
                .filter("users", new UserFilter())
                .servlet("/clock", spout.sseServlet(sse -> {
                    sse.onClose(ended::complete);
                    sse.retry(Duration.ofMillis(1500));
                    sse.send("virtual " + Thread.currentThread().isVirtual());
                    sse.send("user " + sse.request().user().orElse("-"));
                    sse.send("room " + sse.request().pathParameter("room").orElse("-"));
                    sse.send("resumes after " + sse.lastEventId().orElse("-"), "tick", "t-9");
                    Thread.sleep(Duration.ofMinutes(5)); // until the client leaves
                })));

        try (var client =
                SseTestClient.open(running.uri("/clock"), Map.of("X-Test-User", "ann", "Last-Event-ID", "t-8"))) {
            assertThat(client.next(4, WAIT))
                    .extracting(Event::data)
                    .containsExactly("virtual true", "user ann", "room lobby", "resumes after t-8");
            assertThat(client.retries()).containsExactly(1500L);
            Await.value("open streams", spout::openStreams, 1);
        }
        // The client left: the handler's sleep is interrupted once a heartbeat finds it gone, or at the stop.
        spout.close();
        assertThat(ended.get(10, TimeUnit.SECONDS)).isNotNull();
        assertThat(spout.openStreams()).isZero();
    }

    @ParameterizedTest
    @EnumSource(Container.class)
    void aHandlerThatReturnsEndsItsStreamCleanly(Container container) throws Exception {
        spout = ServletSpout.create();
        running = container.start(new Container.Deployment().servlet("/three", spout.sseServlet(sse -> {
            for (int i = 1; i <= 3; i++) {
                sse.send(Integer.toString(i));
            }
        })));
        try (var client = SseTestClient.open(running.uri("/three"))) {
            assertThat(client.next(3, WAIT)).extracting(Event::data).containsExactly("1", "2", "3");
            assertThat(client.awaitEnd(WAIT))
                    .as("the response ends with the handler")
                    .isTrue();
        }
        Await.value("open streams", spout::openStreams, 0);
    }
}
