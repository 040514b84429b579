package dev.spout.hub;

import static dev.spout.hub.Tokens.PUBLISHER_KEY;
import static dev.spout.hub.Tokens.SUBSCRIBER_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spout.redis.RedisBroker;
import dev.spout.redis.RedisServer;
import dev.spout.server.Spout;
import dev.spout.testkit.Await;
import dev.spout.testkit.LoopbackProxy;
import dev.spout.testkit.SseTestClient;
import dev.spout.testkit.SseTestClient.Event;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Hub nodes on one real Redis: an update published to any node reaches subscribers of every node, filtered there. */
class HubClusterTest {
    static final Duration WAIT = Duration.ofSeconds(10);

    RedisServer redis;
    final List<Spout> nodes = new ArrayList<>();

    @BeforeEach
    void startRedis() throws Exception {
        redis = RedisServer.start();
    }

    @AfterEach
    void stop() throws Exception {
        nodes.forEach(Spout::close);
        redis.close();
    }

    Spout node() {
        var node = Spout.create(options -> options.broker(RedisBroker.create(redis.uri())));
        MercureHub.mount(
                node,
                hub -> hub.publisherKey("HS256", PUBLISHER_KEY)
                        .subscriberKey("HS256", SUBSCRIBER_KEY)
                        .anonymous(true));
        node.start("127.0.0.1", 0);
        nodes.add(node);
        return node;
    }

    static URI hub(Spout node, String query) {
        return node.uri(MercureHub.PATH + "?" + query);
    }

    static String publish(Spout node, String form) throws Exception {
        return Tokens.publish(node.uri(MercureHub.PATH), form);
    }

    @Test
    void anUpdateToOneNodeReachesEveryNodesSubscribersFilteredOnEach() throws Exception {
        Spout a = node();
        Spout b = node();
        String granted = Tokens.legacy(SUBSCRIBER_KEY, List.of(), List.of("https://example.com/books/{id}"));
        try (var ann = SseTestClient.open(hub(b, "match=*"), Map.of("Authorization", "Bearer " + granted));
                var anonymous = SseTestClient.open(hub(b, "match=*"))) {
            Await.until("both subscribed on b", () -> b.topic("mercure").subscribers() == 2);
            String secret = publish(a, "topic=https://example.com/books/1&data=secret&private=on");
            String open = publish(a, "topic=https://example.com/books/2&data=open");
            assertThat(ann.next(2, WAIT)).extracting(Event::data).containsExactly("secret", "open");
            assertThat(anonymous.next(WAIT)).isEqualTo(new Event("message", "open", open));
            assertThat(anonymous.pending()).isEmpty();
            // a subscriber that reconnects to a third node resumes from the id the first one gave, exactly
            Spout c = node();
            try (var back = SseTestClient.open(
                    hub(c, "match=*"), Map.of("Authorization", "Bearer " + granted, "Last-Event-ID", secret))) {
                assertThat(back.next(WAIT)).isEqualTo(new Event("message", "open", open));
            }
        }
    }

    /**
     * Spout's Java EventSource reads the hub through a load balancer; its node stops mid-stream while updates keep
     * coming to another node; the client reconnects (its Last-Event-ID) and the balancer sends it to a live node: every
     * update arrives once, in order.
     */
    @Test
    void aSubscriberOfANodeThatStopsResumesOnAnotherWithNothingLostOrRepeated() throws Exception {
        Spout doomed = node();
        Spout survivor = node();
        int total = 120;
        var received = new ArrayList<String>();
        try (var balancer = new LoopbackProxy(doomed.port());
                var source = dev.spout.client.EventSource.builder(
                                URI.create("http://127.0.0.1:" + balancer.port() + MercureHub.PATH + "?match=*"))
                        .reconnectionTime(Duration.ofMillis(50))
                        .connect()) {
            Await.until(
                    "subscribed on the doomed node",
                    () -> doomed.topic("mercure").subscribers() == 1);
            for (int i = 1; i <= total; i++) {
                publish(survivor, "topic=https://example.com/n&data=" + i);
                if (i == total / 3) {
                    balancer.pointAt(survivor.port());
                    doomed.close(); // its streams end; the client reconnects through the balancer
                }
            }
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (received.size() < total && System.nanoTime() < deadline) {
                var next = source.nextEvent(WAIT);
                if (next.isPresent() && next.get() instanceof dev.spout.client.MessageEvent message) {
                    received.add(message.data());
                }
            }
        }
        assertThat(received)
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, total)
                        .mapToObj(Integer::toString)
                        .toList());
    }
}
