package dev.spout.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spout.engine.auth.Access;
import dev.spout.engine.auth.Authorizer;
import dev.spout.engine.topic.Topic;
import dev.spout.testkit.Await;
import dev.spout.testkit.Refusal;
import dev.spout.testkit.SseTestClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every refusal on a Servlet container is answered before the first byte of a stream, with Spout's statuses: 405
 * for another method, 406 without {@code Accept: text/event-stream}, 401 and 403 from an authorizer, 503 with
 * {@code Retry-After} at a limit or while stopping.
 */
class ServletRefusalTest extends OnContainers {
    static final HttpClient HTTP = HttpClient.newHttpClient();

    private void deploy(Container container, ServletSpout spout, Topic topic) throws Exception {
        this.spout = spout;
        running = container.start(
                new Container.Deployment().filter("users", new UserFilter()).servlet("/feed", spout.servlet(topic)));
    }

    /** The answer to a GET with these headers (names and values in turn); a stream that opens returns at once. */
    private static Refusal get(URI uri, String... headers) {
        var named = new java.util.LinkedHashMap<String, String>();
        for (int i = 0; i < headers.length; i += 2) {
            named.put(headers[i], headers[i + 1]);
        }
        return Refusal.of(uri, named);
    }

    @ParameterizedTest
    @EnumSource(Container.class)
    void anotherMethodIs405WithAllowGet(Container container) throws Exception {
        var spout = ServletSpout.create();
        deploy(container, spout, spout.topic("feed"));
        var post = Refusal.of(HTTP, running.uri("/feed"), "POST", Map.of());
        assertThat(post.status()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).hasValue("GET");
        assertThat(spout.openStreams()).isZero();
    }

    @ParameterizedTest
    @EnumSource(Container.class)
    void aRequestThatDoesNotAcceptAStreamIs406(Container container) throws Exception {
        var spout = ServletSpout.create();
        deploy(container, spout, spout.topic("feed"));
        var page = get(running.uri("/feed"), "Accept", "text/html");
        assertThat(page.status()).isEqualTo(406);
        assertThat(page.body()).as("how to ask, in the body").contains("text/event-stream");
        assertThat(page.headers().firstValue("Content-Type")).isNotEqualTo("text/event-stream");
        var zeroQuality = get(running.uri("/feed"), "Accept", "text/event-stream;q=0, text/html");
        assertThat(zeroQuality.status()).isEqualTo(406);
        try (var listed =
                new RawStream(running.port(), "/feed", Map.of("Accept", "text/html;q=0.9, text/event-stream"), 0)) {
            assertThat(listed.status()).as("named in a list").isEqualTo(200);
        }
        // curl, Python's requests, Node's fetch, Go: any type, or no Accept at all, takes the stream
        try (var curl = new RawStream(running.port(), "/feed", Map.of("Accept", "*/*"), 0);
                var bare = new RawStream(running.port(), "/feed", Map.of(), 0)) {
            assertThat(curl.status()).as("Accept: */*").isEqualTo(200);
            assertThat(curl.header("Content-Type")).startsWith("text/event-stream");
            assertThat(bare.status()).as("no Accept").isEqualTo(200);
        }
    }

    @ParameterizedTest
    @EnumSource(Container.class)
    void aTopicsAuthorizerAnswers401And403BeforeAnyByte(Container container) throws Exception {
        var spout = ServletSpout.create();
        Topic staff = spout.topic(
                "staff",
                t -> t.authorize(request -> request.user()
                        .map(user -> user.startsWith("staff-") ? Access.ALLOW : Access.FORBIDDEN)
                        .orElse(Access.UNAUTHORIZED)));
        deploy(container, spout, staff);
        var anonymous = get(running.uri("/feed"), "Accept", "text/event-stream");
        assertThat(anonymous.status()).isEqualTo(401);
        var outsider = get(running.uri("/feed"), "Accept", "text/event-stream", "X-Test-User", "eve");
        assertThat(outsider.status()).isEqualTo(403);
        assertThat(outsider.headers().firstValue("Content-Type").orElse("")).doesNotContain("text/event-stream");
        try (var member = SseTestClient.open(running.uri("/feed"), Map.of("X-Test-User", "staff-ann"))) {
            assertThat(member.status()).isEqualTo(200);
            Await.value("subscribers", staff::subscribers, 1);
        }
        assertThat(staff.stats().published()).isZero();
    }

    @ParameterizedTest
    @EnumSource(Container.class)
    void aHandlersAuthorizerRefusesBeforeTheHandlerRuns(Container container) throws Exception {
        spout = ServletSpout.create();
        var ran = new java.util.concurrent.atomic.AtomicBoolean();
        Authorizer usersOnly = Authorizer.requireUser();
        running = container.start(new Container.Deployment()
                .filter("users", new UserFilter())
                .servlet("/mine", spout.sseServlet(usersOnly, sse -> ran.set(true))));
        assertThat(get(running.uri("/mine"), "Accept", "text/event-stream").status())
                .isEqualTo(401);
        assertThat(ran).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Container.class)
    void streamsBeyondTheLimitsAre503WithRetryAfter(Container container) throws Exception {
        var spout = ServletSpout.create(options ->
                options.maxStreams(2).retryAfter(Duration.ofSeconds(7)).heartbeat(Duration.ofMillis(500)));
        Topic feed = spout.topic("feed");
        deploy(container, spout, feed);
        try (var one = SseTestClient.open(running.uri("/feed"));
                var two = SseTestClient.open(running.uri("/feed"))) {
            Await.value("subscribers", feed::subscribers, 2);
            var third = get(running.uri("/feed"), "Accept", "text/event-stream");
            assertThat(third.status()).isEqualTo(503);
            assertThat(third.headers().firstValue("Retry-After")).hasValue("7");
            assertThat(spout.stats().rejectedStreams()).isEqualTo(1);
        }
        Await.value("open streams", spout::openStreams, 0, Duration.ofSeconds(10));
        try (var again = SseTestClient.open(running.uri("/feed"))) {
            assertThat(again.status()).as("a slot given back is taken again").isEqualTo(200);
        }
    }
}
