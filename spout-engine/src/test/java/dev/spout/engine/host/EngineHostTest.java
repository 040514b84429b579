package dev.spout.engine.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spout.engine.HostedOptions;
import dev.spout.engine.HttpStatusException;
import dev.spout.engine.auth.Access;
import dev.spout.engine.auth.Authorizer;
import dev.spout.engine.auth.ClientRequest;
import dev.spout.engine.stream.CloseReason;
import dev.spout.engine.topic.Subscription;
import dev.spout.engine.topic.Topic;
import dev.spout.testkit.Await;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.util.Callback;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The engine's contract with its hosts, driven as a fourth host would: the decisions on a request, in their order
 * and with their statuses, and an admitted stream written through the host's exchange.
 */
class EngineHostTest {
    static final List<String> STREAM = List.of("text/event-stream");

    final EngineHost engine = EngineHost.with(new HostedOptions().maxStreams(1)).start();

    @AfterEach
    void stop() {
        engine.close();
    }

    /** A request as a host would make it: a path, a user perhaps, an address. */
    record Client(String path, @Nullable String who) implements ClientRequest {
        @Override
        public String method() {
            return "GET";
        }

        @Override
        public Map<String, String> pathParameters() {
            return Map.of();
        }

        @Override
        public Optional<String> header(String name) {
            return Optional.empty();
        }

        @Override
        public Optional<String> queryParameter(String name) {
            return Optional.empty();
        }

        @Override
        public List<String> queryParameters(String name) {
            return List.of();
        }

        @Override
        public java.util.Set<String> queryParameterNames() {
            return java.util.Set.of();
        }

        @Override
        public String remoteAddress() {
            return "192.0.2.1";
        }

        @Override
        public boolean isSecure() {
            return false;
        }

        @Override
        public Optional<String> user() {
            return Optional.ofNullable(who);
        }

        @Override
        public <T> Optional<T> unwrap(Class<T> type) {
            return type.isInstance(this) ? Optional.of(type.cast(this)) : Optional.empty();
        }
    }

    /** The host's side of a stream: its bytes in memory, its end recorded. */
    static final class MemoryExchange implements StreamExchange {
        final ByteArrayOutputStream written = new ByteArrayOutputStream();
        volatile @Nullable CloseReason ended;
        private final ClientRequest request;

        MemoryExchange(ClientRequest request) {
            this.request = request;
        }

        @Override
        public ClientRequest request() {
            return request;
        }

        @Override
        public synchronized void write(ByteBuffer bytes, Callback done) {
            byte[] copy = new byte[bytes.remaining()];
            bytes.get(copy);
            written.writeBytes(copy);
            done.succeeded();
        }

        @Override
        public void end(CloseReason reason) {
            ended = reason;
        }

        @Override
        public String remoteAddress() {
            return request.remoteAddress();
        }

        synchronized String text() {
            return written.toString(StandardCharsets.UTF_8);
        }
    }

    Admission admit(String method, List<String> accept, StreamSource source, @Nullable String page, Authorizer rule) {
        return engine.admit(new StreamRequest(method, accept, new Client("/feed", null), source, page, rule));
    }

    private static void assertAdmitted(Admission admission, String who) {
        assertThat(admission).as(who).isInstanceOf(Admission.Admitted.class);
        ((Admission.Admitted) admission).abandon();
    }

    @Test
    void theDecisionsComeInOrderWithTheirStatuses() {
        Topic open = engine.topic("open");
        Topic members = engine.topic("members", t -> t.authorize(Authorizer.requireUser()));
        StreamSource feed = StreamSource.topic(open);

        assertThat(admit("POST", STREAM, feed, null, Authorizer.allowAll()))
                .isEqualTo(new Admission.Refused(405, "A stream is asked for with GET", Map.of("Allow", "GET")));
        assertThat(admit("GET", List.of("text/html"), feed, null, Authorizer.allowAll()))
                .isInstanceOfSatisfying(
                        Admission.Refused.class, r -> assertThat(r.status()).isEqualTo(406));
        assertThat(admit("GET", List.of("text/html"), feed, "/page", Authorizer.allowAll()))
                .isEqualTo(new Admission.Redirected("/page"));
        assertThat(admit("GET", List.of("text/html,*/*;q=0.8"), feed, "/page", Authorizer.allowAll()))
                .as("a browser's navigation goes to the page")
                .isEqualTo(new Admission.Redirected("/page"));
        // Each of these takes the stream (and gives its one place of the limits back, for the next)
        assertAdmitted(
                admit("GET", List.of("text/html,*/*;q=0.8"), feed, null, Authorizer.allowAll()), "a browser, no page");
        assertAdmitted(admit("GET", List.of("*/*"), feed, "/page", Authorizer.allowAll()), "curl");
        assertAdmitted(admit("GET", List.of(), feed, "/page", Authorizer.allowAll()), "no Accept at all");
        assertAdmitted(
                admit("GET", List.of("text/html, text/event-stream"), feed, "/page", Authorizer.allowAll()),
                "a client that names event streams is no navigation");
        assertThat(admit("GET", STREAM, feed, null, request -> Access.FORBIDDEN))
                .as("the host's rule first")
                .isEqualTo(new Admission.Refused(403, null, Map.of()));
        assertThat(admit("GET", STREAM, StreamSource.topic(members), null, Authorizer.allowAll()))
                .as("the topic's own authorizer")
                .isEqualTo(new Admission.Refused(401, null, Map.of()));
        assertThat(admit(
                        "GET",
                        STREAM,
                        StreamSource.subscription(Subscription.to(open, members)),
                        null,
                        Authorizer.allowAll()))
                .as("every chosen topic's")
                .isEqualTo(new Admission.Refused(401, null, Map.of()));
        assertThat(admit("GET", STREAM, feed, null, request -> {
                    throw new HttpStatusException(429, "slow down");
                }))
                .isEqualTo(new Admission.Refused(429, "slow down", Map.of()));
        assertThat(admit("GET", STREAM, feed, null, request -> {
                    throw new IllegalStateException("a bug in the authorizer");
                }))
                .isEqualTo(new Admission.Refused(500, "The stream's authorization failed", Map.of()));

        var first = (Admission.Admitted) admit("GET", STREAM, feed, null, Authorizer.allowAll());
        assertThat(admit("GET", STREAM, feed, null, Authorizer.allowAll()))
                .as("past the limit")
                .isEqualTo(new Admission.Refused(503, "Too many streams", Map.of("Retry-After", "5")));
        first.abandon();
        assertThat(admit("GET", STREAM, feed, null, Authorizer.allowAll()))
                .as("an abandoned stream gives its place back")
                .isInstanceOf(Admission.Admitted.class);
    }

    @Test
    void anAdmittedStreamWritesThroughTheHostsExchangeAndEndsWithItsSession() {
        Topic news = engine.topic("news");
        var admitted = (Admission.Admitted) admit("GET", STREAM, StreamSource.topic(news), null, Authorizer.allowAll());
        assertThat(admitted.headers()).containsEntry("Content-Type", "text/event-stream");
        var client = new Client("/feed", "ann");
        var exchange = new MemoryExchange(client);
        Object session = new Object();
        HostedStream stream = admitted.open(exchange, session);
        admitted.start();
        Await.value("subscribers", news::subscribers, 1);
        String id = news.publish("hello");
        Await.until("the event written", () -> exchange.text().contains("data: hello"));
        assertThat(exchange.text()).isEqualTo("id: " + id + "\ndata: hello\n\n");
        assertThat(engine.openStreams()).isEqualTo(1);

        engine.endSession(session);
        assertThat(stream.isOpen()).isFalse();
        assertThat(exchange.ended).isEqualTo(new CloseReason.SessionEnded());
        stream.exchangeEnded();
        assertThat(engine.openStreams()).isZero();
    }
}
